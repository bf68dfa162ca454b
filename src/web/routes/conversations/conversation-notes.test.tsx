// @vitest-environment happy-dom
import { MantineProvider } from "@mantine/core";
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
import type { SharedNoteView } from "#core/conversations/conversations.schemas.ts";
import { saveSharedNote } from "../../api/conversations.api.ts";
import { TopicNotes } from "./conversation-notes.tsx";

vi.mock("../../api/conversations.api.ts", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  saveSharedNote: vi.fn(),
}));

const conversationId = "019ad5a0-0000-7000-8000-0000000000cc";
const topic = { key: "support", title: "Support needed", prompt: "What would help?" };

function stored(body: string, version: number): SharedNoteView {
  return {
    topicKey: topic.key,
    body,
    version,
    updatedBy: { id: "p2", name: "Mateo Ruiz" },
    updatedAt: "2026-12-01T10:00:00.000Z",
  };
}

function renderTopic() {
  render(
    <MantineProvider>
      <TopicNotes
        conversationId={conversationId}
        topic={topic}
        note={undefined}
        editable
        index={0}
      />
    </MantineProvider>,
  );
  return screen.getByRole("textbox", { name: "Shared notes: Support needed" });
}

beforeAll(() => {
  configure({ asyncUtilTimeout: 10_000 });
  if (!("fonts" in document)) {
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
  }
});
beforeEach(() => {
  vi.mocked(saveSharedNote).mockReset();
});
afterEach(cleanup);

describe("shared notes of a topic", () => {
  it("saves what is typed with the version it was read at", async () => {
    vi.mocked(saveSharedNote).mockResolvedValue({ outcome: "saved", saved: stored("Mine", 1) });
    const textbox = renderTopic();
    fireEvent.change(textbox, { target: { value: "Mine" } });
    await waitFor(() =>
      expect(vi.mocked(saveSharedNote)).toHaveBeenCalledWith(conversationId, "support", "Mine", 0),
    );
  });

  it("shows both versions when someone else saved first, and keeping both loses neither", async () => {
    vi.mocked(saveSharedNote)
      .mockResolvedValueOnce({ outcome: "conflict", current: stored("Theirs", 1) })
      .mockResolvedValueOnce({ outcome: "saved", saved: stored("Theirs\n\nMine", 2) });
    const textbox = renderTopic();
    fireEvent.change(textbox, { target: { value: "Mine" } });

    const dialog = await screen.findByRole("dialog", { name: "Someone else saved this topic" });
    expect(within(dialog).getByText(/Mateo Ruiz saved the notes on “Support needed”/)).toBeTruthy();
    expect(within(dialog).getByText("Mine")).toBeTruthy();
    expect(within(dialog).getByText("Theirs")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep both" }));

    await waitFor(() =>
      expect(vi.mocked(saveSharedNote)).toHaveBeenLastCalledWith(
        conversationId,
        "support",
        "Theirs\n\nMine",
        1,
      ),
    );
    expect((textbox as HTMLTextAreaElement).value).toBe("Theirs\n\nMine");
  });

  it("takes theirs without saving again", async () => {
    vi.mocked(saveSharedNote).mockResolvedValueOnce({
      outcome: "conflict",
      current: stored("Theirs", 1),
    });
    const textbox = renderTopic();
    fireEvent.change(textbox, { target: { value: "Mine" } });
    const dialog = await screen.findByRole("dialog", { name: "Someone else saved this topic" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Take theirs" }));
    await waitFor(() => expect((textbox as HTMLTextAreaElement).value).toBe("Theirs"));
    expect(vi.mocked(saveSharedNote)).toHaveBeenCalledTimes(1);
  });
});
