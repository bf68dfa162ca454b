import { describe, expect, it, vi } from "vitest";
import { createWorkerPool, WorkerBudgetExceeded, WorkerPoolFull } from "./worker-pool.ts";

type Job = { text: string; spinMs?: number };
const echo = new URL("./worker-pool-echo.testing.ts", import.meta.url);
const pool = (overrides: Partial<Parameters<typeof createWorkerPool>[1]> = {}) =>
  createWorkerPool<Job, string>(echo, {
    size: 1,
    maxQueued: 4,
    maxHeapMb: 64,
    idleMs: 60_000,
    ...overrides,
  });

describe("createWorkerPool", () => {
  it("runs jobs in a worker thread and answers each with its own result", async () => {
    const workers = pool();
    await expect(
      Promise.all([workers.run({ text: "a" }, 10_000), workers.run({ text: "b" }, 10_000)]),
    ).resolves.toEqual(["A", "B"]);
    await expect(workers.run({ text: "fail" }, 10_000)).rejects.toThrow("the job failed");
    expect(workers.load()).toEqual({ running: 0, queued: 0 });
  });

  it("keeps the event loop of the caller free while a job runs", async () => {
    const workers = pool();
    const order: string[] = [];
    const job = workers.run({ text: "slow", spinMs: 500 }, 10_000).then(() => order.push("job"));
    await new Promise((resolve) => setImmediate(resolve));
    order.push("event loop");
    await job;
    expect(order).toEqual(["event loop", "job"]);
  });

  it("terminates a job that runs past its budget, then runs the next one in a fresh worker", async () => {
    const workers = pool();
    await expect(workers.run({ text: "forever", spinMs: 60_000 }, 100)).rejects.toBeInstanceOf(
      WorkerBudgetExceeded,
    );
    expect(workers.load()).toEqual({ running: 0, queued: 0 });
    await expect(workers.run({ text: "next" }, 10_000)).resolves.toBe("NEXT");
  });

  it("counts the wait for a worker against the budget, and refuses jobs past the queue", async () => {
    const workers = pool({ maxQueued: 1 });
    const busy = workers.run({ text: "busy", spinMs: 1_000 }, 10_000);
    const waiting = workers.run({ text: "waiting" }, 100);
    await expect(workers.run({ text: "one too many" }, 10_000)).rejects.toBeInstanceOf(
      WorkerPoolFull,
    );
    await expect(waiting).rejects.toBeInstanceOf(WorkerBudgetExceeded);
    await expect(busy).resolves.toBe("BUSY");
  });

  it("stops a worker idle for idleMs, and starts a new one for the next job", async () => {
    const idle = () => new Promise((resolve) => setTimeout(resolve, 300));
    const cold = pool({ idleMs: 50 });
    const first = await cold.run({ text: "thread" }, 10_000);
    // Stopped once idle for 50 ms (the timer may fire late on a busy machine).
    await idle();
    await vi.waitFor(
      async () => expect(await cold.run({ text: "thread" }, 10_000)).not.toBe(first),
      {
        timeout: 10_000,
        interval: 200,
      },
    );
  });
});
