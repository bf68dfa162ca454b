// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import type { PathwayMemberItem, PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { PathwayItemRow } from "./pathway-item.tsx";

beforeAll(() => {
  // Mantine's growing text area listens for web fonts, which happy-dom does not load.
  if (!("fonts" in document)) {
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
  }
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const open: PathwayMemberItem = {
  id: "item-1",
  origin: "template",
  title: "Read the testing guide",
  description: "",
  kind: "course",
  audienceNote: null,
  links: [],
  resourceId: null,
  progress: null,
};

const done: PathwayMemberItem = {
  ...open,
  progress: {
    status: "done",
    doneOn: "2026-06-01",
    evidenceUrl: null,
    note: null,
    hiddenReason: null,
    source: "member",
    updatedAt: "2026-06-01T10:00:00Z",
  },
};

function viewWith(item: PathwayMemberItem, canEdit = true): PathwayView {
  return {
    person: { id: "person-1", displayName: "Ana", hireDate: "2026-01-10", timeZone: null },
    relation: canEdit ? "self" : "manager",
    canEdit,
    today: "2026-06-15",
    template: null,
    tenure: { status: "no-hire-date" },
    stages: [
      {
        keyId: "y1q2",
        key: { kind: "quarter", year: 1, quarter: 2 },
        label: "Year 1, Q2",
        status: "current",
        startsOn: null,
        endsOn: null,
        inTemplate: true,
        items: [item],
        counts: { done: item.progress ? 1 : 0, total: 1, hidden: 0 },
      },
    ],
    summary: { headline: "", stageKeyId: null, done: 0, total: 1, next: [], leftBehindCount: 0 },
    leftBehind: [],
    removedWithProgress: [],
  };
}

function renderRow(view: PathwayView, item: PathwayMemberItem) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <ul>
          <PathwayItemRow view={view} item={item} />
        </ul>
      </MantineProvider>
    </QueryClientProvider>,
  );
  return screen.getByRole("listitem", { name: item.title });
}

it("marks an open item done today in one click", async () => {
  const fetchMock = vi.fn().mockResolvedValue(
    new Response(JSON.stringify(viewWith(done)), {
      status: 200,
      headers: { "content-type": "application/json" },
    }),
  );
  vi.stubGlobal("fetch", fetchMock);
  const row = renderRow(viewWith(open), open);

  fireEvent.click(within(row).getByRole("button", { name: "Mark done" }));

  await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe("/api/people/person-1/pathway/items/item-1/done");
  expect(init.method).toBe("PUT");
  // No date: the server records the member's own today.
  expect(JSON.parse(String(init.body))).toEqual({});
});

it("offers Mark not done only in a done item's details", async () => {
  const row = renderRow(viewWith(done), done);
  expect(within(row).queryByRole("button", { name: "Mark not done" })).toBeNull();
  expect(within(row).queryByRole("button", { name: "Mark done" })).toBeNull();

  const toggle = within(row).getByRole("button", { name: /^Details/ });
  fireEvent.click(toggle);

  expect(await within(row).findByRole("button", { name: "Mark not done" })).toBeTruthy();
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
});

it("shows a reader the item's state without any action", async () => {
  const row = renderRow(viewWith(open, false), open);
  expect(within(row).queryByRole("button", { name: "Mark done" })).toBeNull();
  const toggle = within(row).getByRole("button", { name: /^Details/ });
  fireEvent.click(toggle);
  // The details have loaded once the panel the toggle controls is there.
  const panelId = toggle.getAttribute("aria-controls") ?? "";
  await vi.waitFor(() => expect(document.getElementById(panelId)).not.toBeNull());
  expect(within(row).queryByRole("button", { name: "Hide" })).toBeNull();
  expect(within(row).queryByRole("form")).toBeNull();
});
