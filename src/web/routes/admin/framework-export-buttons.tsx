import { Button, Group } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { ImportFormat } from "#core/career/frameworks.schemas.ts";
import { frameworkExportUrl, type VersionRef } from "../../api/career-frameworks.api.ts";
import { versionName } from "./framework-diff-view.ts";

export const formatLabels: Record<ImportFormat, string> = {
  yaml: "YAML",
  csv: "CSV",
  case: "CASE",
};

/** Downloads of one version (or the draft), built by the server. */
export function FrameworkExportButtons({
  frameworkId,
  version,
}: {
  frameworkId: string;
  version: VersionRef;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      {(Object.keys(formatLabels) as ImportFormat[]).map((format) => (
        <Button
          key={format}
          component="a"
          href={frameworkExportUrl(frameworkId, format, version)}
          download
          size="compact-sm"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={`Export ${versionName(version).toLowerCase()} as ${formatLabels[format]}`}
        >
          {formatLabels[format]}
        </Button>
      ))}
    </Group>
  );
}
