import { definePolicies } from "#server/policies.ts";

export const setupPolicies = definePolicies("setup", {
  /** The first administrator is created once, by whoever reaches a new installation first. */
  firstRun: (installed: boolean): boolean => !installed,
});
