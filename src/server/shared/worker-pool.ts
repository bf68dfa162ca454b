import { Worker } from "node:worker_threads";
import { AppError } from "#server/errors.ts";

/**
 * A few worker threads that run CPU-heavy jobs (plan exports, pathway imports) off the event loop, so
 * one large job never delays other requests. Each job has a time budget that counts from the
 * moment it is queued: a job still queued when its budget runs out is dropped, and a worker still
 * busy with it is terminated (and replaced by a fresh one for the next job).
 *
 * A worker module answers each `{ id, job }` message with `{ id, result }` or `{ id, error }`.
 * Workers start on demand and stop after `idleMs` without a job: a worker kept started holds
 * 30–60 MB (the export worker with its fonts the most), which put the server over its memory
 * target, so the first job after an idle spell waits for a worker to start.
 */

export class WorkerBudgetExceeded extends Error {
  override name = "WorkerBudgetExceeded";
}

export class WorkerPoolFull extends Error {
  override name = "WorkerPoolFull";
}

type Pending<Result> = {
  id: number;
  job: unknown;
  deadline: number;
  waiting: NodeJS.Timeout;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
};

type Slot<Result> = {
  worker: Worker;
  current: Pending<Result> | null;
  timer?: NodeJS.Timeout;
  idle?: NodeJS.Timeout;
};

export type WorkerPoolOptions = {
  /** Workers that run at once. */
  size: number;
  /** Jobs that may wait for a worker; one more is refused at once. */
  maxQueued: number;
  /** Heap limit of each worker, so one job cannot exhaust the process's memory. */
  maxHeapMb: number;
  /** A worker idle this long is stopped, so a server that exports rarely keeps no fonts loaded. */
  idleMs: number;
};

export function createWorkerPool<Job, Result>(file: URL, options: WorkerPoolOptions) {
  const slots: Slot<Result>[] = [];
  const queue: Pending<Result>[] = [];
  let nextId = 1;
  const finish = (slot: Slot<Result>) => {
    clearTimeout(slot.timer);
    slot.current = null;
    slot.worker.unref();
    dispatch();
    if (slot.current === null) {
      slot.idle = setTimeout(() => {
        if (slot.current !== null || !slots.includes(slot)) return;
        slots.splice(slots.indexOf(slot), 1);
        void slot.worker.terminate();
      }, options.idleMs);
      slot.idle.unref();
    }
  };

  const retire = (slot: Slot<Result>, error: Error) => {
    clearTimeout(slot.timer);
    slots.splice(slots.indexOf(slot), 1);
    const job = slot.current;
    slot.current = null;
    void slot.worker.terminate();
    job?.reject(error);
    dispatch();
  };

  const spawn = (): Slot<Result> => {
    const worker = new Worker(file, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
    });
    const slot: Slot<Result> = { worker, current: null };
    worker.on("message", (message: { id: number; result?: Result; error?: string }) => {
      const job = slot.current;
      if (!job || job.id !== message.id) return;
      finish(slot);
      if (message.error === undefined) job.resolve(message.result as Result);
      else job.reject(new Error(message.error));
    });
    worker.on("error", (error) => {
      if (slots.includes(slot)) retire(slot, error);
    });
    worker.on("exit", (code) => {
      if (slots.includes(slot)) retire(slot, new Error(`An export worker stopped (exit ${code}).`));
    });
    slots.push(slot);
    return slot;
  };

  function dispatch(): void {
    while (queue.length > 0) {
      const slot =
        slots.find((candidate) => candidate.current === null) ??
        (slots.length < options.size ? spawn() : undefined);
      if (!slot) return;
      const job = queue.shift() as Pending<Result>;
      clearTimeout(job.waiting);
      const remaining = Math.max(1, job.deadline - Date.now());
      clearTimeout(slot.idle);
      slot.current = job;
      slot.worker.ref();
      slot.timer = setTimeout(
        () => retire(slot, new WorkerBudgetExceeded("The job ran past its time budget.")),
        remaining,
      );
      slot.worker.postMessage({ id: job.id, job: job.job });
    }
  }

  return {
    /** Runs `job` in a worker; rejects with WorkerBudgetExceeded or WorkerPoolFull. */
    run(job: Job, budgetMs: number): Promise<Result> {
      if (queue.length >= options.maxQueued) {
        return Promise.reject(new WorkerPoolFull("Too many jobs are waiting."));
      }
      return new Promise<Result>((resolve, reject) => {
        const pending: Pending<Result> = {
          id: nextId++,
          job,
          deadline: Date.now() + budgetMs,
          waiting: setTimeout(() => {
            queue.splice(queue.indexOf(pending), 1);
            reject(new WorkerBudgetExceeded("The job's time budget ran out while it waited."));
          }, budgetMs),
          resolve,
          reject,
        };
        queue.push(pending);
        dispatch();
      });
    },
    /** Jobs running and waiting now. */
    load(): { running: number; queued: number } {
      return {
        running: slots.filter((slot) => slot.current !== null).length,
        queued: queue.length,
      };
    },
  };
}

export type WorkerPool<Job, Result> = ReturnType<typeof createWorkerPool<Job, Result>>;

/**
 * Runs `job` in `pool` for a request: a job past its budget, or one that finds the queue full, is
 * answered 503 `unavailable` with the message that says what to do.
 */
export async function runForRequest<Job, Result>(
  pool: WorkerPool<Job, Result>,
  job: Job,
  budgetMs: number,
  messages: { overBudget: string; busy: string },
): Promise<Result> {
  try {
    return await pool.run(job, budgetMs);
  } catch (error) {
    if (error instanceof WorkerBudgetExceeded)
      throw new AppError("unavailable", messages.overBudget);
    if (error instanceof WorkerPoolFull) throw new AppError("unavailable", messages.busy);
    throw error;
  }
}
