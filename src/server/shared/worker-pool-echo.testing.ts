import { parentPort, threadId } from "node:worker_threads";

/**
 * A worker for the pool's tests: echoes text, spins for `spinMs`, or throws on "fail"; "thread"
 * answers which thread it runs in and whether it was told to warm up.
 */
let warmed = false;
type Message = { id: number; job: { text: string; spinMs?: number } } | { warm: true };

parentPort?.on("message", (message: Message) => {
  if ("warm" in message) {
    warmed = true;
    return;
  }
  const { id, job } = message;
  if (job.text === "fail") {
    parentPort?.postMessage({ id, error: "the job failed" });
    return;
  }
  if (job.text === "thread") {
    parentPort?.postMessage({ id, result: `${threadId} ${warmed ? "warmed" : "cold"}` });
    return;
  }
  const until = Date.now() + (job.spinMs ?? 0);
  while (Date.now() < until) {
    // Busy, as a large export is: the event loop of this thread does not turn.
  }
  parentPort?.postMessage({ id, result: job.text.toUpperCase() });
});
