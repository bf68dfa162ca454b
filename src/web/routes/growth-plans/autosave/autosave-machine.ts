/**
 * The autosave of one part of a plan (a section or a goal) as a pure state machine. The person's
 * draft is never replaced by an answer from the server: a save acknowledges the version, and
 * only "take theirs" or an untouched part catching up with a newer version changes the draft.
 */

export type AutosaveStatus =
  /** Everything typed is stored. */
  | "saved"
  /** Changes wait for the debounce (or for the save in flight to finish). */
  | "pending"
  | "saving"
  /** The last save could not reach the server; it is retried. */
  | "offline"
  /** The draft breaks a rule of the contract; nothing is sent until it is fixed. */
  | "invalid"
  /** The server refused the save for another reason; the next edit tries again. */
  | "failed"
  /** Someone (or another tab) saved this part meanwhile; the person chooses. */
  | "conflict";

export interface AutosaveState<Content, Current> {
  draft: Content;
  /** The version the next save is based on. */
  baseVersion: number;
  /** What is being sent now, if anything. */
  inFlight: Content | null;
  /** The draft has changes not yet sent. */
  dirty: boolean;
  status: AutosaveStatus;
  /** What is stored now, when a save met a newer version. */
  conflict: { current: Current } | null;
  /** Why the draft cannot be saved (invalid) or was refused (failed). */
  problem: string | null;
  /** Consecutive failures to reach the server, for the retry delay. */
  failures: number;
}

export type AutosaveEvent<Content, Current> =
  | { type: "edited"; draft: Content }
  | { type: "invalidFound"; problem: string }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; version: number }
  | { type: "saveUnreachable" }
  | { type: "saveRefused"; problem: string }
  | { type: "conflicted"; current: Current }
  /** Resave my draft on top of what is stored now. */
  | { type: "keptMine"; baseVersion: number }
  /** Drop my draft for what is stored now. */
  | { type: "tookTheirs"; draft: Content; baseVersion: number }
  /** A newer version arrived from the server (a reload, a restore, another action). */
  | { type: "serverAdvanced"; draft: Content; version: number };

export function initialAutosaveState<Content, Current>(
  draft: Content,
  version: number,
): AutosaveState<Content, Current> {
  return {
    draft,
    baseVersion: version,
    inFlight: null,
    dirty: false,
    status: "saved",
    conflict: null,
    problem: null,
    failures: 0,
  };
}

export function autosaveReducer<Content, Current>(
  state: AutosaveState<Content, Current>,
  event: AutosaveEvent<Content, Current>,
): AutosaveState<Content, Current> {
  switch (event.type) {
    case "edited": {
      const status = state.conflict
        ? "conflict"
        : state.inFlight
          ? "saving"
          : state.status === "offline"
            ? "offline"
            : "pending";
      return { ...state, draft: event.draft, dirty: true, status, problem: null };
    }
    case "invalidFound":
      return state.conflict ? state : { ...state, status: "invalid", problem: event.problem };
    case "saveStarted":
      if (state.inFlight || state.conflict || !state.dirty) return state;
      return { ...state, inFlight: state.draft, dirty: false, status: "saving", problem: null };
    case "saveSucceeded":
      return {
        ...state,
        baseVersion: event.version,
        inFlight: null,
        failures: 0,
        status: state.dirty ? "pending" : "saved",
      };
    case "saveUnreachable":
      // The draft still holds everything; it is sent again, whole, on the next try.
      return {
        ...state,
        inFlight: null,
        dirty: true,
        status: "offline",
        failures: state.failures + 1,
      };
    case "saveRefused":
      return { ...state, inFlight: null, status: "failed", problem: event.problem };
    case "conflicted":
      return {
        ...state,
        inFlight: null,
        dirty: true,
        status: "conflict",
        conflict: { current: event.current },
      };
    case "keptMine":
      return {
        ...state,
        baseVersion: event.baseVersion,
        conflict: null,
        dirty: true,
        status: "pending",
      };
    case "tookTheirs":
      return {
        ...state,
        draft: event.draft,
        baseVersion: event.baseVersion,
        conflict: null,
        dirty: false,
        status: "saved",
        problem: null,
      };
    case "serverAdvanced":
      // Only an untouched part follows the server; a draft with changes meets the conflict
      // on its next save instead of being replaced.
      if (event.version <= state.baseVersion || state.dirty || state.inFlight || state.conflict) {
        return state;
      }
      return { ...state, draft: event.draft, baseVersion: event.version, status: "saved" };
  }
}

/** A save should start now (after its delay): there are changes and nothing blocks them. */
export function wantsSave(state: AutosaveState<unknown, unknown>): boolean {
  return (
    state.dirty &&
    !state.inFlight &&
    (state.status === "pending" || state.status === "offline" || state.status === "failed")
  );
}

/** Milliseconds before the next save: the typing pause, or a growing pause between retries. */
export function saveDelay(state: AutosaveState<unknown, unknown>, typingPause: number): number {
  if (state.status !== "offline") return typingPause;
  return Math.min(30_000, 1_000 * 2 ** Math.min(state.failures, 5));
}

/** The worst of several parts' statuses, for the one indicator at the top of the page. */
export function combinedStatus(statuses: readonly AutosaveStatus[]): AutosaveStatus {
  const order: AutosaveStatus[] = [
    "conflict",
    "offline",
    "failed",
    "invalid",
    "saving",
    "pending",
    "saved",
  ];
  for (const status of order) if (statuses.includes(status)) return status;
  return "saved";
}

export const autosaveStatusLabels: Record<AutosaveStatus, string> = {
  saved: "Saved",
  pending: "Saving…",
  saving: "Saving…",
  offline: "Offline — retrying",
  invalid: "Not saved — check the highlighted field",
  failed: "Not saved",
  conflict: "Changed elsewhere — choose a version",
};
