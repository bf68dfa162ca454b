import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PathwayTemplateDetail } from "#core/pathway/pathway-api.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  pathwayQueryKey,
  pathwayTemplateQuery,
  pathwayTemplatesQueryKey,
} from "../../api/pathway.api.ts";

/** Every template write answers the whole template: show it, then refresh lists and views. */
export function useStorePathwayTemplate() {
  const queryClient = useQueryClient();
  return async (detail: PathwayTemplateDetail) => {
    queryClient.setQueryData(pathwayTemplateQuery(detail.id).queryKey, detail);
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
  const storeTemplate = useStorePathwayTemplate();
  return useMutation({
    mutationFn,
    onSuccess: async (detail) => {
      const stored = storeTemplate(detail);
      options.onSuccess?.();
      await stored;
    },
    onError:
      options.onError ??
      ((error) => notifications.show({ color: "red", message: errorMessage(error) })),
  });
}
