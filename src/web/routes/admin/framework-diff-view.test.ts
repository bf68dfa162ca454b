import { describe, expect, it } from "vitest";
import { describeCounts, groupDiff, versionName, warningPlace } from "./framework-diff-view.ts";

describe("groupDiff", () => {
  it("groups changes by area in the editor's order, added before changed before removed", () => {
    const groups = groupDiff([
      { area: "expectations", kind: "changed", key: "a/x", label: "A · X: 2 → 3" },
      { area: "roles", kind: "removed", key: "b", label: "B" },
      { area: "roles", kind: "added", key: "c", label: "C" },
      { area: "roles", kind: "changed", key: "d", label: "D" },
      { area: "framework", kind: "changed", key: "name", label: "Framework name" },
    ]);
    expect(groups.map((group) => group.label)).toEqual(["Framework", "Roles", "Expectations"]);
    expect(groups[1]?.entries.map((entry) => entry.kind)).toEqual(["added", "changed", "removed"]);
    expect(groups[1]?.counts).toEqual({ added: 1, changed: 1, removed: 1 });
  });

  it("leaves out areas without changes", () => {
    expect(groupDiff([])).toEqual([]);
  });
});

describe("describeCounts", () => {
  it("names only the kinds present", () => {
    expect(describeCounts({ added: 2, changed: 0, removed: 1 })).toBe("2 added, 1 removed");
  });
});

describe("versionName and warningPlace", () => {
  it("reads versions and warning places as words", () => {
    expect(versionName("draft")).toBe("Draft");
    expect(versionName(4)).toBe("Version 4");
    expect(warningPlace({ line: 12, path: null, message: "x" })).toBe("Line 12");
    expect(warningPlace({ line: null, path: "$.CFItems[3]", message: "x" })).toBe("$.CFItems[3]");
    expect(warningPlace({ line: null, path: null, message: "x" })).toBeNull();
  });
});
