// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { cleanup, configure, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceRow } from "#core/conversations/workspace.schemas.ts";
import { nudgePerson } from "../../api/notifications.api.ts";
import { ReportsView } from "./manager-workspace.page.tsx";

vi.mock("../../api/notifications.api.ts", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  nudgePerson: vi.fn(async () => ({ nextAllowedAt: "2026-12-08T00:00:00.000Z" })),
}));
// The chart is drawn by recharts, which happy-dom cannot measure; its table is what counts here.
vi.mock("./workspace-charts.tsx", () => ({
  BarsWithTable: ({ title }: { title: string }) => <p>{title}</p>,
  GroupsChart: () => null,
}));

const later = new Date(Date.now() + 3 * 86_400_000).toISOString();

function row(name: string, overrides: Partial<WorkspaceRow> = {}): WorkspaceRow {
  return {
    person: { id: `${name}-id`, name, jobTitle: "Designer", department: null },
    tenure: { year: 1, quarter: 2, label: "Year 1 · Q2" },
    pathway: { done: 1, total: 3 },
    plan: {
      freshness: "fresh",
      planId: `${name}-plan`,
      updatedAt: "2026-11-20T10:00:00Z",
      goalsAtRisk: 0,
    },
    conversations: {
      lastHeldOn: null,
      nextDueOn: "2027-01-15",
      nextScheduledAt: null,
      overdue: false,
    },
    openActionItems: 0,
    pendingFeedbackRequests: 0,
    target: null,
    nudges: { plan: null, conversation: null },
    ...overrides,
  };
}

const rows = [
  row("Noor", {
    conversations: {
      lastHeldOn: null,
      nextDueOn: "2026-10-01",
      nextScheduledAt: null,
      overdue: true,
    },
    nudges: { plan: later, conversation: null },
  }),
  row("Amara", {
    plan: { freshness: "stale", planId: "p", updatedAt: "2026-05-01T10:00:00Z", goalsAtRisk: 2 },
  }),
  row("Bea"),
];

function renderView() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const rootRoute = createRootRoute({ component: () => <ReportsView rows={rows} /> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory() });
  render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider>
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

function shownNames(): string[] {
  const table = screen.getByRole("table", { name: "Direct reports" });
  return within(table)
    .getAllByRole("rowheader")
    .map((cell) => within(cell).getAllByRole("link")[0]?.textContent ?? "");
}

beforeAll(() => {
  configure({ asyncUtilTimeout: 10_000 });
});
afterEach(cleanup);

describe("the direct reports table", () => {
  it("sorts by a column, both ways, and says so to assistive technology", async () => {
    renderView();
    await screen.findByRole("table", { name: "Direct reports" });
    expect(shownNames()).toEqual(["Amara", "Bea", "Noor"]);
    const header = screen.getByRole("button", { name: "Next conversation due" });
    fireEvent.click(header);
    expect(shownNames()).toEqual(["Noor", "Amara", "Bea"]);
    expect(header.closest("th")?.getAttribute("aria-sort")).toBe("ascending");
    fireEvent.click(header);
    expect(header.closest("th")?.getAttribute("aria-sort")).toBe("descending");
  });

  it("filters to overdue conversations and by text", async () => {
    renderView();
    await screen.findByRole("table", { name: "Direct reports" });
    fireEvent.click(screen.getByRole("checkbox", { name: "Overdue conversations only" }));
    expect(shownNames()).toEqual(["Noor"]);
    fireEvent.click(screen.getByRole("checkbox", { name: "Overdue conversations only" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Filter by name, title or department" }), {
      target: { value: "bea" },
    });
    expect(shownNames()).toEqual(["Bea"]);
    expect(screen.getByText("1 of 3 reports")).toBeTruthy();
  });

  it("says when a nudge may go again, and sends the other kind", async () => {
    renderView();
    const table = await screen.findByRole("table", { name: "Direct reports" });
    const noor = within(table)
      .getAllByRole("row")
      .find((tr) => tr.textContent?.includes("Noor"));
    if (!noor) throw new Error("no row for Noor");
    expect(within(noor).getByText(/^Plan nudge sent — again after /)).toBeTruthy();
    fireEvent.click(
      within(noor).getByRole("button", { name: "Nudge: schedule conversation (Noor)" }),
    );
    await vi.waitFor(() =>
      expect(vi.mocked(nudgePerson)).toHaveBeenCalledWith("Noor-id", { about: "conversation" }),
    );
  });
});
