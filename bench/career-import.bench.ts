import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { loadConfig } from "#server/config.ts";
import { systemClock } from "#server/context.ts";
import { createDb } from "#server/db/create-db.ts";
import { migrateToLatest } from "#server/db/migrate.ts";
import {
  importFramework,
  previewFrameworkImport,
} from "#server/modules/career-paths/career-framework-imports.service.ts";
import { writeFrameworkFile } from "#server/modules/career-paths/career-framework-interchange.ts";
import { createBenchAdmin } from "./bench-admin.ts";
import { largestFramework } from "./load/career-data.ts";

/**
 * Imports the CSV of the largest framework the limits allow (200 roles × 100 competencies, one
 * row each: 20,000 rows) into a new SQLite database through the import service: preview, import
 * as a new framework, then the same file again into that framework (which must change nothing).
 * Target: preview + import under 5 seconds. Also records the event loop's longest delay while
 * each step runs (reading and planning happen in a worker thread).
 */

const resultsFile = fileURLToPath(new URL("./RESULTS.md", import.meta.url));

async function time<T>(label: string, run: () => Promise<T>) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  delay.disable();
  const maxDelayMs = delay.max / 1e6;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   event loop max delay ${maxDelayMs.toFixed(0)} ms`,
  );
  return { result, ms, maxDelayMs };
}

const dataDir = mkdtempSync(path.join(tmpdir(), "trellis-bench-"));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const db = createDb(config.database);
try {
  await migrateToLatest(db);
  const ctx = { config, db, clock: systemClock };
  const { admin, meta } = await createBenchAdmin(db);
  const csv = writeFrameworkFile("csv", largestFramework()).text;
  const rows = csv.trimEnd().split("\n").length - 1;
  const megabytes = (Buffer.byteLength(csv) / 1_048_576).toFixed(1);
  console.log(
    `Career framework CSV import: ${rows} rows, ${megabytes} MB, SQLite, Node ${process.version}`,
  );

  const body = { format: "csv" as const, content: csv };
  const preview = await time("preview (new framework)", () =>
    previewFrameworkImport(ctx, admin, body),
  );
  const created = await time("import (creates)", () => importFramework(ctx, admin, body, meta));
  const frameworkId = created.result.frameworkId ?? "";
  const again = await time("preview + import (same file)", async () => {
    await previewFrameworkImport(ctx, admin, { ...body, frameworkId });
    return importFramework(ctx, admin, { ...body, frameworkId }, meta);
  });
  const total = preview.ms + created.ms;
  console.log(
    `${"preview + import".padEnd(34)} ${total.toFixed(0).padStart(6)} ms (target < 5000 ms)`,
  );

  const problems: string[] = [];
  if (preview.result.warnings.length > 0)
    problems.push(`${preview.result.warnings.length} warnings`);
  if (created.result.counts.roles !== 200 || created.result.counts.competencies !== 100) {
    problems.push(`counts ${JSON.stringify(created.result.counts)}`);
  }
  if (again.result.changes.length > 0)
    problems.push(`${again.result.changes.length} changes on re-import`);
  if (problems.length > 0) {
    console.error(`Unexpected import result: ${problems.join(", ")}`);
    process.exitCode = 1;
  }
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const section = [
    "<!-- career-import:start -->",
    `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · Node ${process.version} · ${rows.toLocaleString("en")} rows (${megabytes} MB) · SQLite`,
    "",
    "| step | ms | event loop max delay ms |",
    "| --- | ---: | ---: |",
    `| preview (new framework) | ${preview.ms.toFixed(0)} | ${preview.maxDelayMs.toFixed(0)} |`,
    `| import (creates) | ${created.ms.toFixed(0)} | ${created.maxDelayMs.toFixed(0)} |`,
    `| preview + import of the same file (no changes) | ${again.ms.toFixed(0)} | ${again.maxDelayMs.toFixed(0)} |`,
    `| **preview + import** (target < 5000) | **${total.toFixed(0)}** | |`,
    "<!-- career-import:end -->",
  ].join("\n");
  const current = readFileSync(resultsFile, "utf8");
  const pattern = /<!-- career-import:start -->[\s\S]*?<!-- career-import:end -->/;
  writeFileSync(
    resultsFile,
    pattern.test(current)
      ? current.replace(pattern, section)
      : `${current.trimEnd()}\n\n## Career framework CSV import (\`npm run bench\`)\n\n${section}\n`,
  );
  if (total >= 5_000) {
    console.error("Slower than the 5-second target.");
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
