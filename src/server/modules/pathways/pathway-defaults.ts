import { readFileSync } from "node:fs";
import { importHandbookPathway } from "#core/pathway/handbook-import.ts";
import type { PathwayAttribution } from "#core/pathway/pathway-api.schemas.ts";
import type { AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { installSampleDirectory } from "#server/modules/learning/learning-samples.ts";
import { countTemplates } from "./pathway.queries.ts";
import { insertTemplateDraft } from "./pathway-templates.service.ts";

/**
 * The pathway Trellis ships: the GitLab handbook's page for individual contributors, kept
 * unchanged in content/handbook (CC BY-SA 4.0; see content/handbook/README.md).
 */
export const shippedPathwayKey = "gitlab-ic-career-development";

const shippedPage = new URL(
  "../../../../content/handbook/ic-career-development-pathway.md",
  import.meta.url,
);

export const shippedPathwayAttribution: PathwayAttribution = {
  text: "Adapted from “Career Development for Individual Contributors at GitLab” in the GitLab handbook.",
  sourceUrl:
    "https://handbook.gitlab.com/handbook/people-group/learning-and-development/career-development/ic-career-development/",
  license: "CC BY-SA 4.0",
  licenseUrl: "https://creativecommons.org/licenses/by-sa/4.0/",
};

/**
 * Installs the shipped pathway as the default for everyone, once, while an installation has no
 * pathway template at all (docs/decisions/011-pathway-progress.md). Safe to call from every
 * entry point and from concurrent starts: the shipped key is unique. Answers whether it
 * installed it now.
 */
export async function installShippedPathway(
  db: Db,
  ctx: Pick<AppContext, "clock" | "config">,
): Promise<boolean> {
  if ((await countTemplates(db)) > 0) return false;
  const { template } = importHandbookPathway(readFileSync(shippedPage, "utf8"), {
    baseUrl: ctx.config.handbookBaseUrl,
  });
  const id = await insertTemplateDraft(db, template, {
    now: ctx.clock.now().toISOString(),
    actorId: null,
    attribution: shippedPathwayAttribution,
    shippedKey: shippedPathwayKey,
    makeDefault: true,
  });
  // The shipped sample directory, with this pathway's items linked to its resources.
  if (id !== null) await installSampleDirectory(db, ctx.clock);
  return id !== null;
}
