import { describe, expect, it } from "vitest";
import {
  filterCareerMap,
  type MapEdge,
  type MapRole,
  pathsFrom,
  sortRoles,
  toLayoutInput,
} from "./career-map.ts";
import { layoutCareerMap } from "./career-map-layout.ts";

function role(key: string, overrides: Partial<MapRole> = {}): MapRole {
  return {
    key,
    familyKey: "sales-ops",
    title: key,
    level: 1,
    levelName: "",
    track: "ic",
    department: "Sales",
    ...overrides,
  };
}

const roles = [
  role("senior-analyst", { level: 2 }),
  role("analyst"),
  role("manager", { level: 3, track: "manager" }),
  role("engineer", { department: "Engineering", familyKey: "eng" }),
];
const edges: MapEdge[] = [
  { from: "analyst", to: "senior-analyst", kind: "upward", note: "" },
  { from: "senior-analyst", to: "manager", kind: "upward", note: "" },
  { from: "analyst", to: "engineer", kind: "cross-department", note: "" },
  { from: "engineer", to: "analyst", kind: "cross-department", note: "" },
];

describe("the career map's filters", () => {
  it("keeps the roles of a department and only the edges between kept roles", () => {
    const result = filterCareerMap({ roles, edges }, { department: "Sales" });
    expect(result.roles.map((kept) => kept.key)).toEqual(["analyst", "senior-analyst", "manager"]);
    expect(result.edges).toHaveLength(2);
  });

  it("filters by track", () => {
    const result = filterCareerMap({ roles, edges }, { track: "manager" });
    expect(result.roles.map((kept) => kept.key)).toEqual(["manager"]);
    expect(result.edges).toEqual([]);
  });

  it("orders roles by department, family and level, the order Tab follows", () => {
    expect(sortRoles(roles).map((sorted) => sorted.key)).toEqual([
      "engineer",
      "analyst",
      "senior-analyst",
      "manager",
    ]);
  });
});

describe("paths from my role", () => {
  it("reaches every role along the edges' direction, through cycles, with the edges used", () => {
    const result = pathsFrom(edges, "senior-analyst");
    expect([...result.roles].sort()).toEqual(["manager", "senior-analyst"]);
    expect([...result.edges]).toEqual(["senior-analyst→manager"]);
    const fromAnalyst = pathsFrom(edges, "analyst");
    expect(fromAnalyst.roles.size).toBe(4);
    expect(fromAnalyst.edges.size).toBe(4);
  });

  it("highlights nothing without a role", () => {
    expect(pathsFrom(edges, null).roles.size).toBe(0);
  });
});

describe("the map's layout", () => {
  it("ranks roles by steps up only, not by lateral or cross-department moves", () => {
    const input = toLayoutInput(roles, edges);
    expect(input.nodes).toHaveLength(4);
    expect(input.edges.map((edge) => edge.ranks)).toEqual([true, true, false, false]);
  });

  it("places a step up above the role it starts from, and every role apart", () => {
    const layout = layoutCareerMap(toLayoutInput(roles, edges));
    const analyst = layout.nodes.get("analyst");
    const senior = layout.nodes.get("senior-analyst");
    expect(analyst && senior && senior.y < analyst.y).toBe(true);
    const corners = new Set([...layout.nodes.values()].map((node) => `${node.x},${node.y}`));
    expect(corners.size).toBe(4);
    expect(layout.edges.every((edge) => edge.points.length >= 2)).toBe(true);
    const [start, end] = layout.edges[2]?.points ?? [];
    const engineer = layout.nodes.get("engineer");
    // The cross-department line ends on the engineer's box, not inside it.
    expect(start && end && engineer).toBeTruthy();
    if (end && engineer) {
      const onBorder =
        Math.abs(end.x - engineer.x) < 0.01 ||
        Math.abs(end.x - (engineer.x + engineer.width)) < 0.01 ||
        Math.abs(end.y - engineer.y) < 0.01 ||
        Math.abs(end.y - (engineer.y + engineer.height)) < 0.01;
      expect(onBorder).toBe(true);
    }
  });
});
