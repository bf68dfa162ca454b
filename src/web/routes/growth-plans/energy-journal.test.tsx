// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { QuickEntryForm } from "./energy-journal.tsx";

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

it("puts the server's message about an entry's field under that field", async () => {
  const fetchMock = vi.fn().mockResolvedValue(
    new Response(
      JSON.stringify({
        error: {
          code: "validation_failed",
          message: "Some fields need attention.",
          fields: { activity: "Say what you were doing", "tags.1": "Use at most 40 characters" },
        },
      }),
      { status: 400, headers: { "content-type": "application/json" } },
    ),
  );
  vi.stubGlobal("fetch", fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <QuickEntryForm planId="plan-1" />
      </MantineProvider>
    </QueryClientProvider>,
  );

  fireEvent.click(screen.getByRole("radio", { name: /Good/ }));
  const activity = screen.getByRole("textbox", { name: "What were you doing?" });
  fireEvent.change(activity, { target: { value: "Pairing" } });
  fireEvent.click(screen.getByRole("button", { name: "Log entry" }));

  expect(await screen.findByText("Say what you were doing")).toBeTruthy();
  expect(activity.getAttribute("aria-invalid")).toBe("true");
  expect(screen.getByText("Tag 2: Use at most 40 characters")).toBeTruthy();
  expect(screen.queryByRole("alert")).toBeNull();
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe("/api/growth-plans/plan-1/energy-entries");
  expect(JSON.parse(String(init.body))).toEqual({
    level: 4,
    activity: "Pairing",
    tags: [],
    note: "",
  });
});

it("asks for a level before sending anything", async () => {
  const fetchMock = vi.fn();
  vi.stubGlobal("fetch", fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <QuickEntryForm planId="plan-1" />
      </MantineProvider>
    </QueryClientProvider>,
  );

  fireEvent.change(screen.getByRole("textbox", { name: "What were you doing?" }), {
    target: { value: "Planning" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Log entry" }));

  expect(await screen.findByText("Pick a level from 1 to 5")).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole("radio", { name: /Drained/ }));
  expect(fetchMock).not.toHaveBeenCalled();
});

it("clears every field after logging, tags included", async () => {
  const fetchMock = vi.fn().mockImplementation(
    async () =>
      new Response(
        JSON.stringify({
          id: "entry-1",
          at: "2026-12-01T10:00:00.000Z",
          level: 5,
          activity: "Pairing",
          tags: ["mentoring"],
          note: "",
        }),
        { status: 201, headers: { "content-type": "application/json" } },
      ),
  );
  vi.stubGlobal("fetch", fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <QuickEntryForm planId="plan-1" />
      </MantineProvider>
    </QueryClientProvider>,
  );

  fireEvent.click(screen.getByRole("radio", { name: /Energized/ }));
  const activity = screen.getByRole("textbox", { name: "What were you doing?" });
  fireEvent.change(activity, { target: { value: "Pairing" } });
  const tags = screen.getByRole("combobox", { name: "Tags (optional)" });
  // Pasted text becomes tags at once (typing and Enter do the same in a browser).
  fireEvent.paste(tags, { clipboardData: { getData: () => "mentoring" } });
  expect(await screen.findByText("mentoring")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Log entry" }));

  await waitFor(() => expect(screen.queryByText("mentoring")).toBeNull());
  const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(JSON.parse(String(init.body))).toMatchObject({ activity: "Pairing", tags: ["mentoring"] });
  expect((activity as HTMLInputElement).value).toBe("");
  expect((screen.getByRole("radio", { name: /Energized/ }) as HTMLInputElement).checked).toBe(
    false,
  );
});
