import { readFileSync } from "node:fs";
import type { AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { lockForTransaction } from "#server/db/locks.ts";
import { shippedPathwayKey } from "#server/modules/pathways/pathway-defaults.ts";
import {
  hasSampleResources,
  linkPathwayItemsToResource,
  listUnlinkedShippedPathwayItems,
} from "./learning.queries.ts";
import { planResourceCsv } from "./learning-csv.ts";
import { applyResourcePlan } from "./learning-imports.service.ts";

/**
 * The sample directory Trellis ships (content/learning/sample-directory.csv, written for Trellis,
 * marked as sample), installed once (the sample rows are its mark: resources are archived, never
 * deleted) at setup or server start, with the shipped pathway's items linked to its resources.
 * Admins archive or edit the samples like any other resource.
 */

const samplePage = new URL("../../../../content/learning/sample-directory.csv", import.meta.url);

/** Pathway item words → the sample resource it points to (by title). */
export const samplePathwayLinks: readonly { itemIncludes: string; resourceTitle: string }[] = [
  { itemIncludes: "team member certification", resourceTitle: "Team member certification" },
  { itemIncludes: "learning hub", resourceTitle: "Your division's learning hub" },
  { itemIncludes: "take time to learn", resourceTitle: "Take time to learn" },
  { itemIncludes: "linkedin learning license", resourceTitle: "LinkedIn Learning licence" },
  { itemIncludes: "live learning session", resourceTitle: "Live learning sessions" },
  { itemIncludes: "crucial conversations", resourceTitle: "Crucial Conversations" },
  { itemIncludes: "course on linkedin learning", resourceTitle: "Skill of the month" },
  { itemIncludes: "group conversation", resourceTitle: "Group conversations from other divisions" },
  { itemIncludes: "as a mentee", resourceTitle: "Company-wide mentorship program" },
  { itemIncludes: "to be a mentor", resourceTitle: "Company-wide mentorship program" },
  {
    itemIncludes: "growth and development benefit",
    resourceTitle: "Growth and development benefit",
  },
  { itemIncludes: "ceo shadow", resourceTitle: "CEO shadow program" },
  { itemIncludes: "shadow program", resourceTitle: "CEO shadow program" },
  { itemIncludes: "elevate", resourceTitle: "Aspiring manager program" },
];

/**
 * In the caller's transaction: at setup with the shipped pathway, and at server start for
 * installations that had none (src/server/main.ts); never from a read. False when already there.
 */
export async function installSampleDirectory(
  trx: Db,
  clock: AppContext["clock"],
): Promise<boolean> {
  await lockForTransaction(trx, "pathway-templates");
  if (await hasSampleResources(trx)) return false;
  const plan = planResourceCsv(readFileSync(samplePage, "utf8"));
  const { ids } = await applyResourcePlan(trx, clock, plan.resources, { forceSample: true });
  const idByTitle = new Map(
    plan.resources.map((resource, index) => [resource.fields.title, ids[index]]),
  );
  await linkShippedPathway(trx, clock, idByTitle);
  return true;
}

/** Points the shipped pathway's unlinked items at the sample resources their text names. */
async function linkShippedPathway(
  trx: Db,
  clock: AppContext["clock"],
  idByTitle: Map<string, string | undefined>,
): Promise<void> {
  const items = await listUnlinkedShippedPathwayItems(trx, shippedPathwayKey);
  const links = new Map<string, string[]>();
  for (const item of items) {
    const text = `${item.title} ${item.description}`.toLowerCase();
    const rule = samplePathwayLinks.find((candidate) => text.includes(candidate.itemIncludes));
    const resourceId = rule && idByTitle.get(rule.resourceTitle);
    if (resourceId) links.set(resourceId, [...(links.get(resourceId) ?? []), item.id]);
  }
  for (const [resourceId, itemIds] of links) {
    await linkPathwayItemsToResource(trx, resourceId, itemIds, clock.now().toISOString());
  }
}
