// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { cleanup, configure, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ConversationView } from "#core/conversations/conversations.schemas.ts";
import { defaultTemplate } from "#core/conversations/default-template.ts";
import { ConversationBody } from "./conversation.page.tsx";

const member = { id: "m1", name: "Amara Okafor" };
const manager = { id: "k1", name: "Mateo Ruiz" };

function view(overrides: Partial<ConversationView>): ConversationView {
  return {
    id: "019ad5a0-0000-7000-8000-0000000000dd",
    member,
    manager,
    status: "scheduled",
    scheduledAt: "2026-12-10T10:00:00.000Z",
    durationMinutes: 45,
    nextDate: null,
    acknowledgedAt: null,
    openActionItems: 1,
    myRole: "member",
    startedBy: manager,
    templateId: null,
    topics: defaultTemplate.topics,
    sharedNotes: [
      {
        topicKey: "aspirations",
        body: "Lead the **design system**.",
        version: 2,
        updatedBy: manager,
        updatedAt: "2026-12-10T10:05:00.000Z",
      },
    ],
    privateNote: { body: "My own thoughts", version: 1, updatedAt: null },
    actionItems: [
      {
        id: "i1",
        conversationId: "019ad5a0-0000-7000-8000-0000000000dd",
        owner: "member",
        title: "Run an accessibility review",
        dueOn: "2027-01-31",
        doneOn: null,
        planLink: null,
        version: 1,
      },
    ],
    carriedOver: [],
    guests: [{ id: "g1", name: "Grace Mentor" }],
    acknowledgementComment: null,
    cancelledAt: null,
    cancelReason: null,
    links: { activePlan: { id: "plan1", title: "Growing as a designer" }, latestAssessment: null },
    can: { edit: true, finish: true, acknowledge: false, cancel: true, inviteGuest: true },
    version: 3,
    ...overrides,
  };
}

function renderConversation(conversation: ConversationView) {
  const queryClient = new QueryClient();
  const rootRoute = createRootRoute({
    component: () => <ConversationBody conversation={conversation} />,
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
  configure({ asyncUtilTimeout: 10_000 });
  if (!("fonts" in document)) {
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
  }
});
afterEach(cleanup);

describe("a conversation", () => {
  it("gives the member the agenda to edit, their private note, and their item to add to the plan", async () => {
    renderConversation(view({}));
    const aspirations = await screen.findByRole("textbox", { name: "Shared notes: Aspirations" });
    expect((aspirations as HTMLTextAreaElement).value).toBe("Lead the **design system**.");
    expect(screen.getAllByRole("textbox", { name: /^Shared notes: / })).toHaveLength(7);
    expect(screen.getByText("Only you can see this")).toBeTruthy();
    expect(
      (screen.getByRole("textbox", { name: /^Private note/ }) as HTMLTextAreaElement).value,
    ).toBe("My own thoughts");
    expect(
      screen.getByRole("button", { name: "Add to my plan: “Run an accessibility review”" }),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: /Growth plan: Growing as a designer/ })).toBeTruthy();
    expect(screen.getByRole("link", { name: /Manager guide/ })).toBeTruthy();
  });

  it("asks the member to confirm once finished, and offers nothing to edit", async () => {
    renderConversation(
      view({
        status: "awaiting_acknowledgement",
        nextDate: "2027-04-01",
        can: { edit: false, finish: false, acknowledge: true, cancel: false, inviteGuest: false },
      }),
    );
    expect(await screen.findByRole("button", { name: "Confirm" })).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: /^Shared notes: / })).toBeNull();
    expect(screen.getByText("design system").tagName).toBe("STRONG");
    expect(screen.queryByRole("button", { name: "Finish" })).toBeNull();
  });

  it("shows a guest the agenda and the shared notes, read-only, and nothing else", async () => {
    renderConversation(
      view({
        myRole: "guest",
        privateNote: null,
        actionItems: [],
        can: { edit: true, finish: false, acknowledge: false, cancel: false, inviteGuest: false },
      }),
    );
    expect(
      await screen.findByText("You are a guest: you read the agenda and the shared notes."),
    ).toBeTruthy();
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByText("Only you can see this")).toBeNull();
    expect(screen.queryByRole("heading", { name: "Action items" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Export" })).toBeNull();
    expect(screen.queryByText("Grace Mentor")).toBeNull();
  });
});
