import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

const resultsFile = fileURLToPath(new URL("../RESULTS.md", import.meta.url));

/** Targets of the quality issue: no request over 1 s, no event-loop delay over 100 ms. */
export const targets = { maxRequestMs: 1_000, maxLoopDelayMs: 100 } as const;

export type RouteResult = {
  route: string;
  requests: number;
  /** Status code (or "timeout") → count. */
  statuses: Map<string, number>;
  slowestMs: number;
  slowestShape: string;
  loopDelayMs: number;
  loopShape: string;
  /**
   * The most CPU time the server used during one of the route's requests (10 ms steps): what
   * the route itself cost, whatever else the machine was busy with.
   */
  serverCpuMs: number;
  /** Shapes answered 5xx. */
  serverErrors: string[];
  /** Requests left out when the time budget ran out, or whose preparation failed. */
  notRun: string[];
};

export type WorstCaseRun = {
  database: string;
  timeoutMs: number;
  fixtureSummary: string;
  /** How quiet the machine was: the idle probe's worst wait and the load average. */
  conditions: string;
  elapsedSeconds: number;
  results: RouteResult[];
};

const round = (ms: number) => (ms >= 100 ? String(Math.round(ms)) : ms.toFixed(1));

export function verdict(result: RouteResult, timeoutMs: number): string {
  const misses: string[] = [];
  if (result.slowestMs > targets.maxRequestMs) {
    const timedOut = result.statuses.has("timeout") ? `, stopped at ${timeoutMs / 1000} s` : "";
    misses.push(`request > 1 s (${result.slowestShape}${timedOut})`);
  }
  if (result.loopDelayMs > targets.maxLoopDelayMs) {
    misses.push(`event loop > 100 ms (${result.loopShape})`);
  }
  if (result.serverErrors.length) misses.push(`5xx (${result.serverErrors.join(", ")})`);
  if (result.notRun.length) misses.push(`not run: ${result.notRun.join("; ")}`);
  return misses.length ? `**missed**: ${misses.join("; ")}` : "met";
}

function statusesOf(result: RouteResult): string {
  return [...result.statuses.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => (count > 1 ? `${status}×${count}` : status))
    .join(" ");
}

export function tableLines(run: WorstCaseRun): string[] {
  return [
    "| route | requests | answers | slowest ms | slowest shape | event-loop delay ms | server CPU ms | target |",
    "| --- | ---: | --- | ---: | --- | ---: | ---: | --- |",
    ...run.results.map(
      (result) =>
        `| \`${result.route}\` | ${result.requests} | ${statusesOf(result)} | ${round(result.slowestMs)} | ${result.slowestShape} | ${round(result.loopDelayMs)} | ${result.serverCpuMs} | ${verdict(result, run.timeoutMs)} |`,
    ),
  ];
}

export function summaryLine(run: WorstCaseRun): string {
  const slow = run.results.filter((result) => result.slowestMs > targets.maxRequestMs).length;
  const stalled = run.results.filter(
    (result) => result.loopDelayMs > targets.maxLoopDelayMs,
  ).length;
  const failed = run.results.filter((result) => result.serverErrors.length > 0).length;
  return `${run.results.length} routes: ${slow} with a request over 1 s, ${stalled} with an event-loop delay over 100 ms, ${failed} answering 5xx.`;
}

/** Replaces the worst-case section of bench/RESULTS.md (between its markers) with this run. */
export function writeResults(run: WorstCaseRun): void {
  const marker = `worst-case:${run.database}`;
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const lines = [
    `<!-- ${marker}:start -->`,
    `### ${run.database === "postgres" ? "PostgreSQL" : "SQLite"}`,
    "",
    `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · Node ${process.version} · ${run.fixtureSummary} · requests stopped at ${run.timeoutMs / 1000} s · whole run ${run.elapsedSeconds} s · ${run.conditions}`,
    "",
    summaryLine(run),
    "",
    ...tableLines(run),
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
