import { afterEach, describe, expect, it, vi } from "vitest";
import { dutyCycle } from "./time-slices.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("the duty cycle of background work", () => {
  it("rests only once a slice of work has run, and then for the rest time", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    const rest = dutyCycle(30, 20);
    let rested = false;
    await rest();
    vi.advanceTimersByTime(25);
    const resting = rest().then(() => {
      rested = true;
    });
    await vi.advanceTimersByTimeAsync(29);
    expect(rested).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await resting;
    expect(rested).toBe(true);
  });
});
