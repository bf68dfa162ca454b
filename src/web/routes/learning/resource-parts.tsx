import { Anchor, Badge, Button, Group, Text } from "@mantine/core";
import { IconBookmark, IconBookmarkFilled, IconExternalLink } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  isResourceLink,
  learningFormatLabels,
  learningResourceKindLabels,
  type ResourceSummary,
} from "#core/learning/resources.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { learningQueryKey, setBookmark } from "../../api/learning.api.ts";

/** "Free", or the cost in its currency's own minor units ("€15.00"). */
export function formatCost(costMinor: number, currency: string | null): string {
  if (costMinor === 0) return "Free";
  if (!currency) return String(costMinor);
  const format = new Intl.NumberFormat(undefined, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(costMinor / 10 ** digits);
}

export function formatDuration(minutes: number | null): string | null {
  if (minutes === null) return null;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours} h`;
}

/** Kind, format, cost and duration as small badges. */
export function ResourceBadges({ resource }: { resource: ResourceSummary }) {
  const duration = formatDuration(resource.durationMinutes);
  return (
    <Group gap={6}>
      <Badge variant="light" tt="none">
        {learningResourceKindLabels[resource.kind]}
      </Badge>
      <Badge variant="outline" color="gray" tt="none">
        {learningFormatLabels[resource.format]}
      </Badge>
      <Badge variant="outline" color="gray" tt="none">
        {formatCost(resource.costMinor, resource.currency)}
      </Badge>
      {duration && (
        <Badge variant="outline" color="gray" tt="none">
          {duration}
        </Badge>
      )}
      {resource.sample && (
        <Badge variant="dot" color="gray" tt="none">
          Sample
        </Badge>
      )}
    </Group>
  );
}

export function ResourceSkills({ resource }: { resource: Pick<ResourceSummary, "skills"> }) {
  if (resource.skills.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      Skills: {resource.skills.map((skill) => skill.name).join(", ")}
    </Text>
  );
}

/** The resource's own link: an app page in this tab, anything else in a new one. */
export function ResourceOpenLink({ url, title }: { url: string | null; title: string }) {
  if (!url || !isResourceLink(url)) return null;
  if (url.startsWith("/")) {
    return (
      <Anchor href={url} size="sm">
        Open {title}
      </Anchor>
    );
  }
  return (
    <Anchor href={url} target="_blank" rel="noopener noreferrer nofollow" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        Open {title} <IconExternalLink size={14} aria-label="(opens in a new tab)" />
      </Group>
    </Anchor>
  );
}

/** Bookmarked resources show in the member's growth plan, in its Exploration section. */
export function BookmarkButton({
  resource,
}: {
  resource: Pick<ResourceSummary, "id" | "title" | "bookmarked">;
}) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => setBookmark(resource.id, !resource.bookmarked),
    onSettled: () => queryClient.invalidateQueries({ queryKey: learningQueryKey }),
  });
  return (
    <Group gap="xs">
      <Button
        size="xs"
        variant={resource.bookmarked ? "filled" : "default"}
        aria-pressed={resource.bookmarked}
        aria-label={`Bookmark ${resource.title}`}
        leftSection={
          resource.bookmarked ? (
            <IconBookmarkFilled size={16} aria-hidden />
          ) : (
            <IconBookmark size={16} aria-hidden />
          )
        }
        loading={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {resource.bookmarked ? "Bookmarked" : "Bookmark"}
      </Button>
      {toggle.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(toggle.error)}
        </Text>
      )}
    </Group>
  );
}
