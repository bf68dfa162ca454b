import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import type { ScenarioResult } from "./run-load.ts";

const resultsFile = fileURLToPath(new URL("../RESULTS.md", import.meta.url));

export type LoadRun = {
  database: string;
  people: number;
  connections: number;
  duration: number;
  startupMs: number;
  results: ScenarioResult[];
};

const maxRssMb = 300;

function verdict(result: ScenarioResult): string {
  const target = result.target ?? {};
  const misses: string[] = [];
  if (result.rssMb > maxRssMb) misses.push(`RSS > ${maxRssMb} MB`);
  if (target.minRatio !== undefined && result.ratio < target.minRatio)
    misses.push(`ratio < ${target.minRatio}`);
  if (target.maxP99Ms !== undefined && result.p99 > target.maxP99Ms)
    misses.push(`p99 > ${target.maxP99Ms} ms`);
  if (
    target.minRequestsPerSecond !== undefined &&
    result.requestsPerSecond < target.minRequestsPerSecond
  ) {
    misses.push(`< ${target.minRequestsPerSecond} req/s`);
  }
  if (misses.length) return `missed: ${misses.join(", ")}`;
  return result.target ? "met" : "";
}

/** Replaces this database and size's section of bench/RESULTS.md with the run just measured. */
export function writeResults(run: LoadRun): void {
  const marker = `load:${run.database}:${run.people}`;
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const lines = [
    `<!-- ${marker}:start -->`,
    `### ${run.database === "postgres" ? "PostgreSQL" : "SQLite"}, ${run.people.toLocaleString("en")} people`,
    "",
    `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · Node ${process.version} · ${run.connections} connections · ${run.duration} s per scenario · start-up to /readyz ${run.startupMs} ms`,
    "",
    "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare | RSS MB | target |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...run.results.map(
      (result) =>
        `| ${result.name} | ${result.requestsPerSecond} | ${result.p50} | ${result.p95} | ${result.p99} | ${result.errors} | ${result.ratio.toFixed(2)} | ${result.rssMb} | ${verdict(result)} |`,
    ),
    `<!-- ${marker}:end -->`,
  ];
  const section = lines.join("\n");
  const current = readFileSync(resultsFile, "utf8");
  const pattern = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*?<!-- ${marker}:end -->`);
  const updated = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(resultsFile, updated);
}
