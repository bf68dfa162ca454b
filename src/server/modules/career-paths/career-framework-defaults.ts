import { readFileSync } from "node:fs";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { ImportWarning } from "#core/career/frameworks.schemas.ts";
import { newId } from "#core/ids.ts";
import type { AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { countFrameworks, insertSampleFramework } from "./career-framework-defaults.queries.ts";
import { readFrameworkYaml } from "./career-framework-yaml.ts";

/**
 * The sample career framework Trellis ships, written for it: a Revenue Strategy, Operations and
 * Enablement department with neighbouring roles in Product, Data and Support, kept as native
 * YAML in content/career-frameworks and read through the YAML importer.
 */
export const sampleFrameworkId = "019ad5a0-0000-7000-8000-000000000001";

const sampleFile = new URL(
  "../../../../content/career-frameworks/revenue-strategy-operations.yaml",
  import.meta.url,
);

export function readSampleFramework(): { content: FrameworkContent; warnings: ImportWarning[] } {
  return readFrameworkYaml(readFileSync(sampleFile, "utf8"), null);
}

/**
 * Installs the sample as a published framework marked as a sample, once, while the installation
 * has no career framework at all. Safe from every entry point and from concurrent starts (the
 * sample's id is fixed). Answers whether it installed it now.
 */
export async function installSampleFramework(
  db: Db,
  ctx: Pick<AppContext, "clock">,
): Promise<boolean> {
  if ((await countFrameworks(db)) > 0) return false;
  return insertSampleFramework(db, {
    id: sampleFrameworkId,
    versionId: newId(),
    content: readSampleFramework().content,
    changeSummary: "The sample framework shipped with Trellis.",
    now: ctx.clock.now().toISOString(),
  });
}
