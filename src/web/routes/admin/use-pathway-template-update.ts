import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PathwayTemplateDetail } from "#core/pathway/pathway-api.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  pathwayQueryKey,
  pathwayTemplateQuery,
  pathwayTemplatesQueryKey,
} from "../../api/pathway.api.ts";

/**
 * Every template write answers the whole template: show it, run `after` (closing a dialog), then
 * refresh lists and views.
 */
export function useStorePathwayTemplate(after?: () => void) {
  const queryClient = useQueryClient();
  return async (detail: PathwayTemplateDetail) => {
    queryClient.setQueryData(pathwayTemplateQuery(detail.id).queryKey, detail);
    after?.();
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [...pathwayTemplatesQueryKey, "list"] }),
      queryClient.invalidateQueries({ queryKey: pathwayQueryKey, refetchType: "none" }),
    ]);
  };
}

/** A template write that is not a form (forms use useApiForm with the above). */
export function usePathwayTemplateUpdate<Variables>(
  mutationFn: (variables: Variables) => Promise<PathwayTemplateDetail>,
  options: { onSuccess?: () => void; onError?: (error: unknown) => void } = {},
) {
  const storeTemplate = useStorePathwayTemplate(options.onSuccess);
  return useMutation({
    mutationFn,
    onSuccess: storeTemplate,
    onError:
      options.onError ??
      ((error) => notifications.show({ color: "red", message: errorMessage(error) })),
  });
}
