import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { myPathwayQuery, pathwayQueryKey, personPathwayQuery } from "../../api/pathway.api.ts";

/**
 * A write to a member's pathway. Every write answers the whole view, so the page shows it at
 * once; the other answers about pathways (the home card, a manager's view) are then refreshed.
 */
export function usePathwayUpdate<Variables>(
  mutationFn: (variables: Variables) => Promise<PathwayView>,
  options: { onSuccess?: (view: PathwayView) => void; onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (view) => {
      queryClient.setQueryData(personPathwayQuery(view.person.id).queryKey, view);
      if (view.relation === "self") queryClient.setQueryData(myPathwayQuery.queryKey, view);
      options.onSuccess?.(view);
      await queryClient.invalidateQueries({ queryKey: pathwayQueryKey, refetchType: "none" });
    },
    onError: options.onError,
  });
}
