import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { myPathwayQuery, pathwayQueryKey, personPathwayQuery } from "../../api/pathway.api.ts";

/**
 * Every write to a member's pathway answers the whole view: this shows it at once, runs `after`
 * (closing a dialog), then marks the other answers about pathways (the home card, a manager's
 * view) for refreshing.
 */
export function useStorePathwayView(after?: (view: PathwayView) => void) {
  const queryClient = useQueryClient();
  return async (view: PathwayView) => {
    queryClient.setQueryData(personPathwayQuery(view.person.id).queryKey, view);
    if (view.relation === "self") queryClient.setQueryData(myPathwayQuery.queryKey, view);
    after?.(view);
    await queryClient.invalidateQueries({ queryKey: pathwayQueryKey, refetchType: "none" });
  };
}

/** A write to a member's pathway that is not a form (forms use useApiForm with the above). */
export function usePathwayUpdate<Variables>(
  mutationFn: (variables: Variables) => Promise<PathwayView>,
  options: { onSuccess?: (view: PathwayView) => void; onError?: (error: unknown) => void } = {},
) {
  const storeView = useStorePathwayView(options.onSuccess);
  return useMutation({ mutationFn, onSuccess: storeView, onError: options.onError });
}
