import { describe, expect, it } from "vitest";
import {
  type AutosaveEvent,
  type AutosaveState,
  autosaveReducer,
  combinedStatus,
  initialAutosaveState,
  saveDelay,
  wantsSave,
} from "./autosave-machine.ts";

type Current = { version: number; text: string };

function run(
  events: AutosaveEvent<string, Current>[],
  start = initialAutosaveState<string, Current>("stored", 4),
): AutosaveState<string, Current> {
  return events.reduce(autosaveReducer<string, Current>, start);
}

describe("autosave", () => {
  it("saves an edit with the version it was based on, then reports saved", () => {
    const edited = run([{ type: "edited", draft: "mine" }]);
    expect(edited.status).toBe("pending");
    expect(wantsSave(edited)).toBe(true);

    const saving = autosaveReducer(edited, { type: "saveStarted" });
    expect(saving).toMatchObject({ status: "saving", inFlight: "mine", baseVersion: 4 });
    expect(wantsSave(saving)).toBe(false);

    const saved = autosaveReducer(saving, { type: "saveSucceeded", version: 5 });
    expect(saved).toMatchObject({ status: "saved", baseVersion: 5, draft: "mine", dirty: false });
  });

  it("keeps typing made while a save is in flight and sends it next, on the new version", () => {
    const state = run([
      { type: "edited", draft: "a" },
      { type: "saveStarted" },
      { type: "edited", draft: "ab" },
      { type: "saveSucceeded", version: 5 },
    ]);
    expect(state).toMatchObject({ draft: "ab", status: "pending", baseVersion: 5, dirty: true });
    expect(wantsSave(state)).toBe(true);
    expect(autosaveReducer(state, { type: "saveStarted" }).inFlight).toBe("ab");
  });

  it("retries an unreachable server with growing pauses and keeps the draft", () => {
    const once = run([
      { type: "edited", draft: "offline text" },
      { type: "saveStarted" },
      { type: "saveUnreachable" },
    ]);
    expect(once).toMatchObject({ status: "offline", draft: "offline text", dirty: true });
    expect(wantsSave(once)).toBe(true);
    const twice = run([{ type: "saveStarted" }, { type: "saveUnreachable" }], once);
    expect(saveDelay(twice, 800)).toBeGreaterThan(saveDelay(once, 800));
    expect(
      saveDelay(run([{ type: "saveStarted" }, { type: "saveUnreachable" }], twice), 800),
    ).toBeLessThanOrEqual(30_000);
    expect(
      run([{ type: "saveStarted" }, { type: "saveSucceeded", version: 9 }], twice).status,
    ).toBe("saved");
  });

  it("stops at a conflict until the person chooses, and never replaces the draft by itself", () => {
    const current = { version: 7, text: "theirs" };
    const conflicted = run([
      { type: "edited", draft: "mine" },
      { type: "saveStarted" },
      { type: "conflicted", current },
    ]);
    expect(conflicted).toMatchObject({ status: "conflict", draft: "mine", conflict: { current } });
    expect(wantsSave(conflicted)).toBe(false);
    // Typing on and news from the server leave the choice open.
    const typed = run(
      [
        { type: "edited", draft: "mine, more" },
        { type: "serverAdvanced", draft: "theirs", version: 7 },
      ],
      conflicted,
    );
    expect(typed).toMatchObject({ status: "conflict", draft: "mine, more" });

    const kept = autosaveReducer(typed, { type: "keptMine", baseVersion: 7 });
    expect(kept).toMatchObject({ status: "pending", baseVersion: 7, draft: "mine, more" });
    expect(wantsSave(kept)).toBe(true);

    const taken = autosaveReducer(typed, { type: "tookTheirs", draft: "theirs", baseVersion: 7 });
    expect(taken).toMatchObject({ status: "saved", draft: "theirs", baseVersion: 7, dirty: false });
  });

  it("follows newer server versions only while untouched", () => {
    const untouched = run([{ type: "serverAdvanced", draft: "restored", version: 9 }]);
    expect(untouched).toMatchObject({ draft: "restored", baseVersion: 9 });
    const older = run([{ type: "serverAdvanced", draft: "old", version: 3 }]);
    expect(older.draft).toBe("stored");
    const touched = run([
      { type: "edited", draft: "mine" },
      { type: "serverAdvanced", draft: "restored", version: 9 },
    ]);
    expect(touched).toMatchObject({ draft: "mine", baseVersion: 4 });
  });

  it("does not send a draft the contract refuses until it is edited again", () => {
    const invalid = run([
      { type: "edited", draft: "" },
      { type: "invalidFound", problem: "Enter a title" },
    ]);
    expect(invalid).toMatchObject({ status: "invalid", problem: "Enter a title" });
    expect(wantsSave(invalid)).toBe(false);
    expect(wantsSave(autosaveReducer(invalid, { type: "edited", draft: "Title" }))).toBe(true);
  });

  it("shows the most urgent status of the page", () => {
    expect(combinedStatus(["saved", "saving", "saved"])).toBe("saving");
    expect(combinedStatus(["saving", "offline"])).toBe("offline");
    expect(combinedStatus(["offline", "conflict"])).toBe("conflict");
    expect(combinedStatus([])).toBe("saved");
  });
});
