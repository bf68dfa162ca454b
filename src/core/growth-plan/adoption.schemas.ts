import { z } from "zod";

/** Adoption figures (admins, aggregate only). (docs/api/growth-plans.md) */

export const GrowthPlanAdoption = z.object({
  activePeople: z.int(),
  peopleWithActivePlan: z.int(),
  plansUpdatedLast30Days: z.int(),
  byDepartment: z.array(
    z.object({ department: z.string().nullable(), activePeople: z.int(), withActivePlan: z.int() }),
  ),
});
export type GrowthPlanAdoption = z.infer<typeof GrowthPlanAdoption>;

export const exportFormats = ["md", "csv", "json", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];
