import { useQuery } from "@tanstack/react-query";
import { myPlansQuery, planQuery } from "../../api/growth-plans.api.ts";

/** The signed-in person's active growth plan: its list entry and, once loaded, the whole plan. */
export function useActivePlan() {
  const plans = useQuery(myPlansQuery);
  const active = plans.data?.plans.find((plan) => plan.status === "active") ?? null;
  const plan = useQuery({ ...planQuery(active?.id ?? ""), enabled: active !== null });
  return { plans, active, plan: active ? plan : null };
}
