import { Anchor, Text } from "@mantine/core";
import type { PathwayAttribution } from "#core/pathway/pathway-api.schemas.ts";

/** Credit for a template adapted from someone else's page, wherever the template is shown. */
export function AttributionNote({ attribution }: { attribution: PathwayAttribution }) {
  return (
    <Text size="sm" c="dimmed">
      {attribution.text}{" "}
      <Anchor
        href={attribution.sourceUrl}
        target="_blank"
        rel="noopener noreferrer"
        size="sm"
        underline="always"
      >
        Source
      </Anchor>
      {" · "}
      {attribution.licenseUrl ? (
        <Anchor
          href={attribution.licenseUrl}
          target="_blank"
          rel="noopener noreferrer"
          size="sm"
          underline="always"
        >
          {attribution.license}
        </Anchor>
      ) : (
        attribution.license
      )}
    </Text>
  );
}
