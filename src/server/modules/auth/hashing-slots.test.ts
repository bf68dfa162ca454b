import { describe, expect, it } from "vitest";
import { createSlots } from "./hashing-slots.ts";

describe("createSlots", () => {
  it("never runs more than its size at once, and runs everything", async () => {
    const withSlot = createSlots(2);
    let running = 0;
    let mostAtOnce = 0;
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 6 }, (_, index) =>
      withSlot(async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return index;
      }),
    );
    let finished = false;
    const all = Promise.all(jobs).then((results) => {
      finished = true;
      return results;
    });
    for (let step = 0; step < 100 && !finished; step++) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    expect(await all).toEqual([0, 1, 2, 3, 4, 5]);
    expect(mostAtOnce).toBe(2);
  });

  it("frees the slot when the work fails", async () => {
    const withSlot = createSlots(1);
    await expect(withSlot(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withSlot(async () => "next")).toBe("next");
  });
});
