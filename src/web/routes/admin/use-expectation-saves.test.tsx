// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FrameworkDraft } from "#core/career/frameworks.schemas.ts";
import { saveFrameworkExpectations } from "../../api/career-frameworks.api.ts";
import { nth, sampleContent } from "./career-framework.testing.ts";
import { expectationSaveDelayMs, useExpectationSaves } from "./use-expectation-saves.ts";

vi.mock("../../api/career-frameworks.api.ts", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  saveFrameworkExpectations: vi.fn(),
}));
const save = vi.mocked(saveFrameworkExpectations);

function draftAt(version: number, level = 2): FrameworkDraft {
  const content = sampleContent();
  nth(content.roles).expectations = { forecasting: level };
  return { frameworkId: "f1", version, updatedAt: "2026-12-01T10:00:00Z", content };
}

function renderSaves(initial: FrameworkDraft) {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(() => useExpectationSaves(initial), { wrapper });
}

const wait = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

beforeEach(() => {
  vi.useFakeTimers();
  save.mockReset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("useExpectationSaves", () => {
  it("saves what was typed in one batch after a pause, with the draft's version", async () => {
    save.mockResolvedValue({ outcome: "saved", draft: draftAt(8, 3) });
    const { result } = renderSaves(draftAt(7));
    act(() => result.current.type({ roleKey: "analyst", competencyKey: "forecasting", level: 1 }));
    await wait(expectationSaveDelayMs / 2);
    act(() => result.current.type({ roleKey: "analyst", competencyKey: "forecasting", level: 3 }));
    expect(result.current.status).toBe("pending");
    await wait(expectationSaveDelayMs / 2);
    expect(save).not.toHaveBeenCalled();

    await wait(expectationSaveDelayMs);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith("f1", {
      baseVersion: 7,
      changes: [{ roleKey: "analyst", competencyKey: "forecasting", level: 3 }],
    });
    expect(result.current.status).toBe("saved");
    expect(result.current.draft.version).toBe(8);
    expect(result.current.draft.content.roles[0]?.expectations).toEqual({ forecasting: 3 });
  });

  it("stops at a newer draft until the admin chooses, then sends on that version", async () => {
    save.mockResolvedValueOnce({ outcome: "conflict", current: draftAt(9, 1) });
    const { result } = renderSaves(draftAt(7));
    act(() => result.current.type({ roleKey: "analyst", competencyKey: "forecasting", level: 3 }));
    await wait(expectationSaveDelayMs);
    expect(result.current.status).toBe("conflict");
    await wait(expectationSaveDelayMs * 5);
    expect(save).toHaveBeenCalledTimes(1);

    save.mockResolvedValueOnce({ outcome: "saved", draft: draftAt(10, 3) });
    act(() => result.current.keepMine());
    await wait(expectationSaveDelayMs);
    expect(save).toHaveBeenLastCalledWith("f1", {
      baseVersion: 9,
      changes: [{ roleKey: "analyst", competencyKey: "forecasting", level: 3 }],
    });
    expect(result.current.status).toBe("saved");
  });

  it("drops the typed levels when the admin takes the newer draft", async () => {
    save.mockResolvedValueOnce({ outcome: "conflict", current: draftAt(9, 1) });
    const { result } = renderSaves(draftAt(7));
    act(() => result.current.type({ roleKey: "analyst", competencyKey: "forecasting", level: 3 }));
    await wait(expectationSaveDelayMs);
    act(() => result.current.takeTheirs());
    await wait(expectationSaveDelayMs * 2);
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.pending.size).toBe(0);
    expect(result.current.draft.content.roles[0]?.expectations).toEqual({ forecasting: 1 });
  });

  it("keeps the levels and says why when a save fails, and tries again when asked", async () => {
    save.mockRejectedValueOnce(new Error("offline"));
    const { result } = renderSaves(draftAt(7));
    act(() => result.current.type({ roleKey: "analyst", competencyKey: "forecasting", level: 3 }));
    await wait(expectationSaveDelayMs);
    expect(result.current.status).toBe("failed");
    expect(result.current.pending.size).toBe(1);

    save.mockResolvedValueOnce({ outcome: "saved", draft: draftAt(8, 3) });
    await act(async () => result.current.retry());
    await wait(0);
    expect(result.current.status).toBe("saved");
  });
});
