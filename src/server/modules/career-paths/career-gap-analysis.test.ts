import { describe, expect, it } from "vitest";
import { peerMean } from "./career-gap-analysis.ts";

const answer = (index: number, rating: number | null) => ({
  id: `request-${index}`,
  answeredAt: `2026-03-02T09:0${index}:00.000Z`,
  ratings: [{ competencyKey: "forecasting", rating, comment: "" }],
});

describe("the peers' mean", () => {
  it("is null below three ratings, even with more answers that left the competency unrated", () => {
    expect(peerMean([answer(1, 2), answer(2, 3)], "forecasting")).toBeNull();
    expect(peerMean([answer(1, 2), answer(2, 3), answer(3, null)], "forecasting")).toBeNull();
  });

  it("counts complete groups of three in the order the answers came", () => {
    const three = [answer(3, 4), answer(1, 1), answer(2, 2)];
    expect(peerMean(three, "forecasting")).toBe(2.33);
    expect(peerMean([...three, answer(4, 4), answer(5, 4)], "forecasting")).toBe(2.33);
    expect(peerMean([...three, answer(4, 4), answer(5, 4), answer(6, 1)], "forecasting")).toBe(
      2.67,
    );
  });
});
