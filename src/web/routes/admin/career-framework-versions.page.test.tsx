// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider, queryOptions } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import {
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { FrameworkDiff, VersionSummary } from "#core/career/frameworks.schemas.ts";
import { frameworkDiffQuery, publishFramework } from "../../api/career-frameworks.api.ts";
import { nth, sampleContent } from "./career-framework.testing.ts";
import { VersionsView } from "./career-framework-versions.page.tsx";

const frameworkId = "0190a0c0-0000-7000-8000-000000000001";

vi.mock("../../api/career-frameworks.api.ts", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  publishFramework: vi.fn(),
  frameworkDiffQuery: vi.fn(),
  frameworkListQuery: {
    queryKey: ["career-frameworks", "list"],
    queryFn: () => new Promise(() => {}),
  },
}));

const diff: FrameworkDiff = {
  from: 2,
  to: "draft",
  changes: [
    { area: "roles", kind: "added", key: "lead", label: "Lead Analyst", before: null, after: null },
    {
      area: "expectations",
      kind: "changed",
      key: "analyst/forecasting",
      label: "Analyst · Forecasting: 2 → 3",
      before: 2,
      after: 3,
    },
    { area: "roles", kind: "removed", key: "intern", label: "Intern", before: null, after: null },
  ],
};

function version(number: number): VersionSummary {
  return {
    id: `v${number}`,
    number,
    changeSummary: `Changes of ${number}`,
    publishedAt: "2026-11-01T10:00:00Z",
    publishedBy: { id: "p1", name: "Ada Admin" },
  };
}

function renderVersions() {
  vi.mocked(frameworkDiffQuery).mockImplementation((id, from, to) =>
    queryOptions({ queryKey: ["diff", id, from, to], queryFn: async () => diff }),
  );
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const draft = {
    frameworkId,
    version: 7,
    updatedAt: "2026-12-01T10:00:00Z",
    content: sampleContent(),
  };
  const rootRoute = createRootRoute({
    component: () => <VersionsView draft={draft} versions={[version(1), version(2)]} latest={2} />,
  });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory() });
  render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider>
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

beforeAll(() => {
  // A whole page renders slowly in happy-dom on a busy machine: wait longer for it to appear.
  configure({ asyncUtilTimeout: 10_000 });
  // Mantine's growing text area listens for web fonts, which happy-dom does not load.
  if (!("fonts" in document)) {
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
  }
});
afterEach(cleanup);

describe("the versions page", () => {
  it("compares the latest version with the draft, grouped by area, in words", async () => {
    renderVersions();
    const roles = await screen.findByRole("region", { name: "Roles" });
    expect(within(roles).getByText("1 added, 1 removed")).toBeTruthy();
    expect(within(roles).getByText("Added")).toBeTruthy();
    expect(within(roles).getByText("Removed")).toBeTruthy();
    const expectations = screen.getByRole("region", { name: "Expectations" });
    expect(within(expectations).getByText("Changed")).toBeTruthy();
    expect(vi.mocked(frameworkDiffQuery)).toHaveBeenCalledWith(frameworkId, 2, "draft");
  });

  it("compares a version with the one before it when asked", async () => {
    renderVersions();
    fireEvent.click(await screen.findByRole("button", { name: "Compare with version 1" }));
    await waitFor(() =>
      expect(vi.mocked(frameworkDiffQuery)).toHaveBeenLastCalledWith(frameworkId, 1, 2),
    );
  });

  it("offers each version and the draft in every export format", async () => {
    renderVersions();
    const link = await screen.findByRole("link", { name: "Export version 2 as CASE" });
    expect(link.getAttribute("href")).toBe(
      `/api/career-frameworks/${frameworkId}/export?format=case&version=2`,
    );
    expect(screen.getByRole("link", { name: "Export draft as YAML" }).getAttribute("href")).toBe(
      `/api/career-frameworks/${frameworkId}/export?format=yaml&version=draft`,
    );
  });

  it("publishes the draft version shown, with what changed", async () => {
    vi.mocked(publishFramework).mockResolvedValue({
      ...version(3),
      frameworkId,
      content: sampleContent(),
    });
    renderVersions();
    fireEvent.change(await screen.findByRole("textbox", { name: /What changed/ }), {
      target: { value: "Lead Analyst role" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Publish version 3" }));
    await waitFor(() => expect(vi.mocked(publishFramework)).toHaveBeenCalledTimes(1));
    expect(nth(vi.mocked(publishFramework).mock.calls)).toEqual([
      frameworkId,
      { baseVersion: 7, changeSummary: "Lead Analyst role" },
    ]);
  });
});
