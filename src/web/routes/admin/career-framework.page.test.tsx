// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
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
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { FrameworkDraft } from "#core/career/frameworks.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { saveFrameworkDraft } from "../../api/career-frameworks.api.ts";
import { DraftEditor } from "./career-framework.page.tsx";
import { nth, sampleContent } from "./career-framework.testing.ts";

vi.mock("../../api/career-frameworks.api.ts", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  saveFrameworkDraft: vi.fn(),
}));
const save = vi.mocked(saveFrameworkDraft);

function draftAt(version: number, name = "Data"): FrameworkDraft {
  return {
    frameworkId: "0190a0c0-0000-7000-8000-000000000001",
    version,
    updatedAt: "2026-12-01T10:00:00Z",
    content: { ...sampleContent(), name },
  };
}

function renderEditor(draft: FrameworkDraft) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  const rootRoute = createRootRoute({ component: () => <DraftEditor draft={draft} /> });
  const router = createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: ["/"] }),
  });
  render(
    <QueryClientProvider client={queryClient}>
      <MantineProvider>
        <RouterProvider router={router} />
      </MantineProvider>
    </QueryClientProvider>,
  );
}

const saveButton = () => screen.getByRole("button", { name: "Save draft" });

beforeAll(() => {
  // A whole page renders slowly in happy-dom on a busy machine: wait longer for it to appear.
  configure({ asyncUtilTimeout: 10_000 });
  // Mantine's growing text area listens for web fonts, which happy-dom does not load.
  if (!("fonts" in document)) {
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
  }
});
beforeEach(() => {
  save.mockReset();
});
afterEach(cleanup);

describe("the draft editor", () => {
  it("saves a new role with a key made from its title and the draft's version", async () => {
    save.mockImplementation(async (_id, body) => ({
      outcome: "saved",
      draft: { ...draftAt(4), content: FrameworkContent.parse(body.content) },
    }));
    renderEditor(draftAt(3));
    fireEvent.click(await screen.findByRole("tab", { name: "Roles" }));
    fireEvent.click(screen.getByRole("button", { name: "Add role" }));
    const titles = screen.getAllByRole("textbox", { name: /^Title/ });
    fireEvent.change(nth(titles, 1), { target: { value: "Senior Analyst" } });
    fireEvent.click(saveButton());

    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [, body] = nth(save.mock.calls);
    expect(body.baseVersion).toBe(3);
    expect(body.content.roles.map((role) => role.key)).toEqual(["analyst", "senior-analyst"]);
    expect(nth(body.content.roles, 1).familyKey).toBe("analytics");
    expect(await screen.findByText(/Draft version 4/)).toBeTruthy();
  });

  it("checks the draft before sending and shows the tab holding the first problem", async () => {
    renderEditor(draftAt(3));
    fireEvent.click(await screen.findByRole("tab", { name: "Roles" }));
    fireEvent.change(screen.getByRole("textbox", { name: /^Title/ }), { target: { value: " " } });
    fireEvent.click(screen.getByRole("tab", { name: "Scale" }));
    fireEvent.click(saveButton());

    const title = await screen.findByRole("textbox", { name: /^Title/ });
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("tab", { name: /Roles.*1 problem/ })).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it("puts the server's field messages under their inputs", async () => {
    save.mockRejectedValue(
      new ApiError({
        status: 400,
        code: "validation_failed",
        message: "Check the highlighted fields.",
        fields: { "content.name": "This name is taken" },
      }),
    );
    renderEditor(draftAt(3));
    fireEvent.change(await screen.findByRole("textbox", { name: /^Name/ }), {
      target: { value: "Taken" },
    });
    fireEvent.click(saveButton());
    expect(await screen.findByText("This name is taken")).toBeTruthy();
  });

  it("never overwrites a newer draft without asking, and can take it instead", async () => {
    save.mockResolvedValueOnce({ outcome: "conflict", current: draftAt(5, "Data (theirs)") });
    renderEditor(draftAt(3));
    fireEvent.change(await screen.findByRole("textbox", { name: /^Name/ }), {
      target: { value: "Data (mine)" },
    });
    fireEvent.click(saveButton());

    const dialog = await screen.findByRole("dialog", { name: "The draft was changed elsewhere" });
    expect(within(dialog).getByText("Data (mine)")).toBeTruthy();
    expect(within(dialog).getByText("Data (theirs)")).toBeTruthy();
    expect(save).toHaveBeenCalledTimes(1);

    fireEvent.click(within(dialog).getByRole("button", { name: "Take the saved draft" }));
    await waitFor(() =>
      expect((screen.getByRole("textbox", { name: /^Name/ }) as HTMLInputElement).value).toBe(
        "Data (theirs)",
      ),
    );
    expect(save).toHaveBeenCalledTimes(1);
  });

  it("saves mine over the newer draft only when asked, on the newer version", async () => {
    save.mockResolvedValueOnce({ outcome: "conflict", current: draftAt(5, "Data (theirs)") });
    save.mockResolvedValueOnce({ outcome: "saved", draft: draftAt(6, "Data (mine)") });
    renderEditor(draftAt(3));
    fireEvent.change(await screen.findByRole("textbox", { name: /^Name/ }), {
      target: { value: "Data (mine)" },
    });
    fireEvent.click(saveButton());
    const dialog = await screen.findByRole("dialog", { name: "The draft was changed elsewhere" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save mine over it" }));

    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    const [, body] = nth(save.mock.calls, 1);
    expect(body.baseVersion).toBe(5);
    expect(body.content.name).toBe("Data (mine)");
  });
});
