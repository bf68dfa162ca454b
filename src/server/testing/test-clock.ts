import type { Clock } from "#server/context.ts";

export type TestClock = Clock & { advance(milliseconds: number): void; set(date: Date): void };

/** A clock that moves only when a test says so. */
export function createTestClock(start = new Date("2026-03-02T09:00:00.000Z")): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (milliseconds) => {
      current += milliseconds;
    },
    set: (date) => {
      current = date.getTime();
    },
  };
}

export const minutes = (count: number) => count * 60_000;
