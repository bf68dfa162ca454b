// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { type MapEdge, type MapRole, pathsFrom, sortRoles } from "./career-map.ts";
import { CareerMapGraph } from "./career-map-graph.tsx";

afterEach(cleanup);

const roles: MapRole[] = sortRoles([
  {
    key: "senior",
    familyKey: "ops",
    title: "Senior Analyst",
    level: 2,
    levelName: "",
    track: "ic",
    department: "Sales",
  },
  {
    key: "analyst",
    familyKey: "ops",
    title: "Analyst",
    level: 1,
    levelName: "",
    track: "ic",
    department: "Sales",
  },
  {
    key: "lead",
    familyKey: "ops",
    title: "Team Lead",
    level: 3,
    levelName: "",
    track: "manager",
    department: "Sales",
  },
]);
const edges: MapEdge[] = [
  { from: "analyst", to: "senior", kind: "upward", note: "" },
  { from: "senior", to: "lead", kind: "lateral", note: "" },
];

it("makes each role a link in reading order that Enter opens, naming its moves and the reader's role", () => {
  const onOpenRole = vi.fn();
  render(
    <MantineProvider>
      <CareerMapGraph
        roles={roles}
        edges={edges}
        myRoleKey="analyst"
        highlight={pathsFrom(edges, "analyst")}
        onOpenRole={onOpenRole}
      />
    </MantineProvider>,
  );
  const links = screen.getAllByRole("link");
  expect(links.map((link) => link.getAttribute("aria-label")?.split(",")[0])).toEqual([
    "Analyst",
    "Senior Analyst",
    "Team Lead",
  ]);
  expect(links.every((link) => link.getAttribute("tabindex") === "0")).toBe(true);
  expect(links[0]?.getAttribute("aria-label")).toContain("your current role");
  expect(links[1]?.getAttribute("aria-label")).toContain("leads to Team Lead (lateral move)");

  fireEvent.keyDown(links[1] as HTMLElement, { key: "Enter" });
  expect(onOpenRole).toHaveBeenCalledWith("senior");
  expect(screen.getByRole("button", { name: "Zoom in" })).toBeTruthy();
});
