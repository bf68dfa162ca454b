import { Worker } from "node:worker_threads";
import type { ProbeAnswer, ProbeMessage } from "./probe-worker.ts";

export type EventLoopProbe = {
  target(base: string): void;
  /** The longest `/healthz` wait that overlapped [from, to] (performance.timeOrigin-based ms). */
  worst(from: number, to: number): Promise<ProbeAnswer>;
  stop(): Promise<void>;
};

export const probeClock = () => performance.timeOrigin + performance.now();

export function startEventLoopProbe(): EventLoopProbe {
  const worker = new Worker(new URL("./probe-worker.ts", import.meta.url));
  const waiting = new Map<number, (answer: ProbeAnswer) => void>();
  let next = 0;
  worker.on("message", (answer: ProbeAnswer) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  const post = (message: ProbeMessage) => worker.postMessage(message);
  return {
    target: (base) => post({ kind: "target", base }),
    worst: (from, to) =>
      new Promise((resolve) => {
        next += 1;
        waiting.set(next, resolve);
        post({ kind: "worst", id: next, from, to });
      }),
    stop: async () => {
      post({ kind: "stop" });
      await worker.terminate();
    },
  };
}
