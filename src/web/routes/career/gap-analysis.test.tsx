// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import type { GapAnalysis as GapAnalysisView } from "#core/career/assessments.schemas.ts";
import { GapAnalysis } from "./gap-analysis.tsx";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const assessmentId = "0190f1a0-0000-7000-8000-000000000001";

const analysis: GapAnalysisView = {
  assessmentId,
  roleTitle: "Senior Analyst",
  managerRater: { id: "0190f1a0-0000-7000-8000-000000000002", name: "Mona Manager" },
  rule: { prefer: ["manager", "self"], discussAt: 2 },
  ruleText:
    "Gap = expected level − your manager's rating when there is one, otherwise your own rating.",
  peers: { answered: 2, needed: 3, shown: false },
  managerAnswered: true,
  rows: [
    {
      competencyKey: "forecasting",
      competencyName: "Forecasting",
      themeName: "Craft",
      expected: 3,
      self: 3,
      manager: 1,
      peers: null,
      basis: { source: "manager", rating: 1 },
      gap: 2,
      meets: false,
      discuss: true,
      goalIds: [],
    },
    {
      competencyKey: "reporting",
      competencyName: "Reporting",
      themeName: "Craft",
      expected: 2,
      self: 2,
      manager: 2,
      peers: null,
      basis: { source: "manager", rating: 2 },
      gap: 0,
      meets: true,
      discuss: false,
      goalIds: [],
    },
  ],
  readiness: { met: 1, expected: 2, text: "meets 1 of 2 expectations for Senior Analyst" },
};

function renderAnalysis() {
  const fetchMock = vi.fn().mockResolvedValue(
    new Response(JSON.stringify(analysis), {
      status: 200,
      headers: { "content-type": "application/json" },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <GapAnalysis assessmentId={assessmentId} scaleLength={4} />
      </MantineProvider>
    </QueryClientProvider>,
  );
  return fetchMock;
}

it("shows the rule, the readiness, the peers still needed, and the numbers in a table beside the chart", async () => {
  renderAnalysis();
  expect(await screen.findByText("meets 1 of 2 expectations for Senior Analyst")).toBeTruthy();
  expect(screen.getByText(analysis.ruleText)).toBeTruthy();
  expect(screen.getByText(/2 of 3 peer answers needed/)).toBeTruthy();
  expect(screen.getByRole("img", { name: /Bar chart/ })).toBeTruthy();

  const row = screen.getByRole("row", { name: /Forecasting/ });
  const cells = within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);
  expect(cells.slice(1)).toEqual(["3", "3", "1", "—", "2 below (by manager)⚑ Discuss"]);
  // Only a gap below the expectation can become a goal.
  expect(screen.getByRole("checkbox", { name: "Make a goal of Forecasting" })).toBeTruthy();
  expect(screen.queryByRole("checkbox", { name: "Make a goal of Reporting" })).toBeNull();
});

it("asks for a gap before sending anything", async () => {
  const fetchMock = renderAnalysis();
  fireEvent.click(await screen.findByRole("button", { name: "Add to my growth plan" }));
  expect(await screen.findByText("Choose at least one gap")).toBeTruthy();
  expect(fetchMock).toHaveBeenCalledTimes(1);
});

it("sends the chosen gaps to become goals", async () => {
  const fetchMock = renderAnalysis();
  fireEvent.click(await screen.findByRole("checkbox", { name: "Make a goal of Forecasting" }));
  fetchMock.mockResolvedValueOnce(new Response("{}", { status: 500 }));
  fireEvent.click(screen.getByRole("button", { name: "Add 1 to my growth plan" }));
  await screen.findByRole("alert");
  const [url, init] = fetchMock.mock.calls[1] as [string, RequestInit];
  expect(url).toBe(`/api/career-assessments/${assessmentId}/goals`);
  expect(JSON.parse(String(init.body))).toEqual({ competencyKeys: ["forecasting"] });
});
