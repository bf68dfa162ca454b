import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { personCsvColumns } from "#core/people-import.schemas.ts";
import { loadConfig } from "#server/config.ts";
import { systemClock } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import { applyImport, dryRunImport } from "#server/modules/people-import/people-import.service.ts";
import { writeCsv } from "#server/shared/csv.ts";
import { createBenchAdmin } from "./bench-admin.ts";

/**
 * Imports a generated directory of PEOPLE (default 10,000) into a new SQLite database through
 * the import service: dry run, apply, then the same file again (which must change nothing).
 * Target: dry run + apply under 10 seconds.
 */

const peopleCount = Number(process.env.PEOPLE ?? 10_000);
const divisions = ["Engineering", "Product", "Sales", "Marketing", "People and Operations"];
const zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"];

/** A tree eight wide: person i reports to person floor((i - 1) / 8); managers listed last. */
function generateDirectoryCsv(count: number): string {
  const rows = Array.from({ length: count }, (_, index) => {
    const division = divisions[index % divisions.length] ?? "Sales";
    return [
      `person${index}@bench.example`,
      `Person ${index}`,
      index % 7 === 0 ? `P${index}` : null,
      index < 9 ? "Director" : "Specialist",
      division,
      `${division} ${index % 4}`,
      `Team ${index % 40}`,
      index === 0 ? null : `person${Math.floor((index - 1) / 8)}@bench.example`,
      `20${22 + (index % 4)}-0${1 + (index % 9)}-1${index % 10}`,
      `City ${index % 25}`,
      zones[index % zones.length] ?? "UTC",
    ];
  });
  return writeCsv([personCsvColumns, ...rows.reverse()]);
}

async function time<T>(label: string, run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  console.log(`${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms`);
  return { result, ms };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "trellis-bench-"));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const db = createDb(config.database);
try {
  await migrateToLatest(db);
  const ctx = { config, db, clock: systemClock };
  const { admin, meta } = await createBenchAdmin(db);
  const csv = generateDirectoryCsv(peopleCount);
  console.log(
    `People import benchmark: ${peopleCount} rows, ${(csv.length / 1_048_576).toFixed(1)} MB CSV, SQLite, Node ${process.version}`,
  );

  const dryRun = await time("dry run (new file)", () => dryRunImport(ctx, admin, csv));
  const apply = await time("apply (creates)", () => applyImport(ctx, admin, csv, meta));
  const again = await time("dry run + apply (same file)", async () => {
    await dryRunImport(ctx, admin, csv);
    return applyImport(ctx, admin, csv, meta);
  });
  const total = dryRun.ms + apply.ms;
  console.log(
    `${"dry run + apply".padEnd(28)} ${total.toFixed(0).padStart(6)} ms (target < 10000 ms)`,
  );

  const created = apply.result.summary.create;
  const unchanged = again.result.summary.unchanged;
  if (dryRun.result.summary.reject > 0 || created !== peopleCount || unchanged !== peopleCount) {
    console.error("Unexpected import result", dryRun.result.summary, apply.result.summary);
    process.exitCode = 1;
  } else if (total >= 10_000) {
    console.error("Slower than the 10-second target.");
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
