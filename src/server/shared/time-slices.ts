import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";

/**
 * For long loops of writes. node:sqlite runs each statement synchronously, so a loop of awaited
 * queries settles in microtasks and never lets the event loop turn: other requests, timers and
 * sockets wait for the whole loop. The function returned gives the event loop a turn once the
 * current slice has run `sliceMs`; call it between writes.
 */
export function timeSlicer(sliceMs = 20): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    await nextTurn();
    sliceStart = performance.now();
  };
}

/**
 * A turn for the event loop now, before a step that blocks the thread by itself, such as a
 * commit waiting for its fsync on node:sqlite, so the two do not add up to one long stall.
 */
export function giveEventLoopATurn(): Promise<void> {
  return nextTurn();
}

/**
 * For background work that shares the event loop with requests (the scheduler): after each
 * `sliceMs` of work it rests `restMs`, so requests keep at least that share of the thread however
 * long the work runs. A turn through setImmediate alone lets only the requests already waiting
 * in, one batch every slice: a server busy with a backlog of reminders answered its bare route
 * at a fortieth of its rate. `restMs` 0 is a plain turn (for work nothing else waits on).
 */
export function dutyCycle(restMs: number, sliceMs = 20): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < sliceMs) return;
    if (restMs > 0) await sleep(restMs);
    else await nextTurn();
    sliceStart = performance.now();
  };
}
