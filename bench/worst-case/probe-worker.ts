/**
 * The event-loop probe, in a thread of its own so that the benchmark's own work (building
 * megabyte bodies) cannot delay it: one `/healthz` request at a time, a few milliseconds apart,
 * each timed. `/healthz` does no database work, so while the server's event loop is blocked it
 * cannot answer, and a probe's latency bounds the stall it overlapped (see bench/RESULTS.md).
 */
import { Agent, get } from "node:http";
import { parentPort } from "node:worker_threads";

type Probe = { start: number; end: number | null };
export type ProbeMessage =
  | { kind: "target"; base: string }
  | { kind: "worst"; id: number; from: number; to: number }
  | { kind: "stop" };
export type ProbeAnswer = { id: number; worstMs: number; probes: number };

const intervalMs = 5;
const keptMs = 120_000;
const now = () => performance.timeOrigin + performance.now();

let base: string | null = null;
let agent = new Agent({ keepAlive: true, maxSockets: 1 });
let stopped = false;
const probes: Probe[] = [];

function probeOnce(): void {
  if (stopped) return;
  if (!base) {
    setTimeout(probeOnce, intervalMs);
    return;
  }
  const probe: Probe = { start: now(), end: null };
  probes.push(probe);
  while ((probes[0]?.start ?? Infinity) < probe.start - keptMs) probes.shift();
  const done = () => {
    if (probe.end !== null) return;
    probe.end = now();
    setTimeout(probeOnce, intervalMs);
  };
  get(`${base}/healthz`, { agent }, (response) => {
    response.resume();
    response.on("end", done);
    response.on("error", done);
  }).on("error", done);
}

/** The longest part of any probe's wait that overlapped [from, to]; an unanswered probe counts until now. */
function worstBetween(from: number, to: number): Omit<ProbeAnswer, "id"> {
  let worst = 0;
  let count = 0;
  const current = now();
  for (const probe of probes) {
    const end = probe.end ?? current;
    if (end < from || probe.start > to) continue;
    count += 1;
    worst = Math.max(worst, end - Math.max(probe.start, from));
  }
  return { worstMs: worst, probes: count };
}

parentPort?.on("message", (message: ProbeMessage) => {
  if (message.kind === "target") {
    agent.destroy();
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    base = message.base;
  } else if (message.kind === "worst") {
    parentPort?.postMessage({ ...worstBetween(message.from, message.to), id: message.id });
  } else {
    stopped = true;
    agent.destroy();
    parentPort?.close();
  }
});

probeOnce();
