import { parentPort, threadId } from "node:worker_threads";

/**
 * A worker for the pool's tests: echoes text, spins for `spinMs`, or throws on "fail"; "thread"
 * answers which thread it runs in.
 */
type Message = { id: number; job: { text: string; spinMs?: number } };

parentPort?.on("message", ({ id, job }: Message) => {
  if (job.text === "fail") {
    parentPort?.postMessage({ id, error: "the job failed" });
    return;
  }
  if (job.text === "thread") {
    parentPort?.postMessage({ id, result: String(threadId) });
    return;
  }
  const until = Date.now() + (job.spinMs ?? 0);
  while (Date.now() < until) {
    // Busy, as a large export is: the event loop of this thread does not turn.
  }
  parentPort?.postMessage({ id, result: job.text.toUpperCase() });
});
