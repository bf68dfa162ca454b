import { describe, expect, it } from "vitest";
import { closestWords, editDistance, queryWords, vocabularyOf } from "./learning-words.ts";

describe("search words", () => {
  it("keeps letters and digits only, without accents, stop words or repeats", () => {
    expect(queryWords('Crucial "conversations" AND* the Café, café', 8)).toEqual([
      "crucial",
      "conversations",
      "cafe",
    ]);
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("cruical", "crucial", 2)).toBe(1);
    expect(editDistance("conversatons", "conversations", 2)).toBe(1);
    expect(editDistance("negotation", "negotiation", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
  });

  it("corrects to the nearest known words within the allowed edits", () => {
    const vocabulary = vocabularyOf(["Crucial Conversations", "Critical thinking", "Negotiation"]);
    expect(closestWords("crucal", vocabulary, 3)).toEqual(["crucial"]);
    expect(closestWords("negotaition", vocabulary, 3)).toEqual(["negotiation"]);
    expect(closestWords("xyzzy", vocabulary, 3)).toEqual([]);
    expect(closestWords("the", vocabulary, 3)).toEqual([]);
  });
});
