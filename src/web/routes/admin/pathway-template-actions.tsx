import { notifications } from "@mantine/notifications";
import { IconStar } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PathwayTemplateSummary } from "#core/pathway/pathway-api.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  changePathwayTemplateStatus,
  pathwayQueryKey,
  pathwayTemplateQuery,
  pathwayTemplatesQueryKey,
} from "../../api/pathway.api.ts";
import { CompactButton } from "../../components/compact-button.tsx";
import { ArchiveButton } from "./template-card.tsx";

type Action = "archive" | "restore" | "default";

const done: Record<Action, string> = {
  archive: "was archived",
  restore: "was restored",
  default: "is now the default pathway",
};

/** Make default, archive and restore: the changes that need no input. */
export function TemplateStatusActions({ template }: { template: PathwayTemplateSummary }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (action: Action) => changePathwayTemplateStatus(template.id, action),
    onSuccess: async (detail, action) => {
      queryClient.setQueryData(pathwayTemplateQuery(detail.id).queryKey, detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: pathwayTemplatesQueryKey }),
        // The default decides what everyone without an assignment follows.
        queryClient.invalidateQueries({ queryKey: pathwayQueryKey }),
      ]);
      notifications.show({ color: "green", message: `${detail.name} ${done[action]}.` });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const pending = (action: Action) => change.isPending && change.variables === action;

  const archived = template.status === "archived";
  const archiveButton = (
    <ArchiveButton
      name={template.name}
      archived={archived}
      pending={pending(archived ? "restore" : "archive")}
      onClick={() => change.mutate(archived ? "restore" : "archive")}
    />
  );
  if (archived) return archiveButton;
  if (template.isDefault) return null;
  return (
    <>
      <CompactButton
        variant="default"
        icon={IconStar}
        loading={pending("default")}
        onClick={() => change.mutate("default")}
      >
        Make default
      </CompactButton>
      {archiveButton}
    </>
  );
}
