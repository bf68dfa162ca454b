import { describe, expect, it } from "vitest";
import { joinNotes } from "./note-merge.ts";

describe("joinNotes", () => {
  it("keeps what is stored, then mine", () => {
    expect(joinNotes("Lead the design review.", "Mentor a new hire.")).toBe(
      "Lead the design review.\n\nMentor a new hire.",
    );
  });

  it("does not repeat text one of them already holds", () => {
    expect(joinNotes("Lead the review.\n\nMentor.", "Mentor.")).toBe("Lead the review.\n\nMentor.");
    expect(joinNotes("Lead the review.", "Lead the review. And more.")).toBe(
      "Lead the review. And more.",
    );
  });

  it("keeps the other side when one is empty", () => {
    expect(joinNotes("", "Mine")).toBe("Mine");
    expect(joinNotes("Theirs", "   ")).toBe("Theirs");
  });
});
