import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { ApiError, errorMessage } from "../../../api/api-error.ts";
import {
  type AutosaveEvent,
  type AutosaveState,
  type AutosaveStatus,
  autosaveReducer,
  combinedStatus,
  initialAutosaveState,
  saveDelay,
  wantsSave,
} from "./autosave-machine.ts";

export type SaveOutcome<Current> =
  | { outcome: "saved"; version: number }
  | { outcome: "conflict"; current: Current };

/** Field path (as the API names it) → what is wrong there. */
export type FieldProblems = Record<string, string>;

interface AutosaveOptions<Content, Current> {
  /** Unique within the page: "section:role", "goal:<id>". */
  partKey: string;
  /** The stored version of this part as last read. */
  server: { content: Content; version: number };
  /** The contract's rules, checked before anything is sent. */
  validate: (content: Content) => FieldProblems | null;
  save: (content: Content, baseVersion: number) => Promise<SaveOutcome<Current>>;
  /** Pause after the last keystroke before saving. */
  typingPause?: number;
}

export interface Autosave<Content, Current> {
  draft: Content;
  state: AutosaveState<Content, Current>;
  fieldProblems: FieldProblems;
  /** Change the draft; `immediate` saves without waiting for a typing pause (a tick-off). */
  update: (change: (draft: Content) => Content, options?: { immediate?: boolean }) => void;
  keepMine: () => void;
  takeTheirs: (content: Content, version: number) => void;
}

const defaultTypingPause = 800;

/** Debounced saves of one part with its base version, retries, and conflicts left to the person. */
export function useAutosave<Content, Current>({
  partKey,
  server,
  validate,
  save,
  typingPause = defaultTypingPause,
}: AutosaveOptions<Content, Current>): Autosave<Content, Current> {
  const [state, dispatch] = useReducer(
    autosaveReducer as (
      state: AutosaveState<Content, Current>,
      event: AutosaveEvent<Content, Current>,
    ) => AutosaveState<Content, Current>,
    undefined,
    () => initialAutosaveState<Content, Current>(server.content, server.version),
  );
  const [fieldProblems, setFieldProblems] = useState<FieldProblems>({});
  const latest = useRef(state);
  latest.current = state;
  const saveNow = useRef(false);
  const [retryTick, setRetryTick] = useState(0);
  const callbacks = useRef({ validate, save });
  callbacks.current = { validate, save };

  useEffect(() => {
    dispatch({ type: "serverAdvanced", draft: server.content, version: server.version });
  }, [server.content, server.version]);

  const runSave = useCallback(async () => {
    const current = latest.current;
    if (!wantsSave(current)) return;
    const problems = callbacks.current.validate(current.draft);
    setFieldProblems(problems ?? {});
    if (problems) {
      dispatch({ type: "invalidFound", problem: Object.values(problems)[0] ?? "Check this part" });
      return;
    }
    dispatch({ type: "saveStarted" });
    try {
      const result = await callbacks.current.save(current.draft, current.baseVersion);
      if (result.outcome === "saved") dispatch({ type: "saveSucceeded", version: result.version });
      else dispatch({ type: "conflicted", current: result.current });
    } catch (error) {
      if (isUnreachable(error)) {
        dispatch({ type: "saveUnreachable" });
      } else {
        if (error instanceof ApiError && error.fields) setFieldProblems(error.fields);
        dispatch({ type: "saveRefused", problem: errorMessage(error) });
      }
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: retryTick asks for an early retry
  useEffect(() => {
    if (!wantsSave(state)) return;
    const delay = saveNow.current ? 0 : saveDelay(state, typingPause);
    saveNow.current = false;
    const timer = window.setTimeout(() => void runSave(), delay);
    return () => window.clearTimeout(timer);
  }, [state, typingPause, runSave, retryTick]);

  useEffect(() => {
    const retry = () => {
      saveNow.current = true;
      setRetryTick((tick) => tick + 1);
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, []);

  useReportStatus(partKey, state.status);

  const update = useCallback(
    (change: (draft: Content) => Content, options?: { immediate?: boolean }) => {
      if (options?.immediate) saveNow.current = true;
      dispatch({ type: "edited", draft: change(latest.current.draft) });
    },
    [],
  );
  const keepMine = useCallback(() => {
    const conflict = latest.current.conflict?.current as { version?: number } | null | undefined;
    saveNow.current = true;
    dispatch({ type: "keptMine", baseVersion: conflict?.version ?? latest.current.baseVersion });
  }, []);
  const takeTheirs = useCallback((content: Content, version: number) => {
    setFieldProblems({});
    dispatch({ type: "tookTheirs", draft: content, baseVersion: version });
  }, []);

  return { draft: state.draft, state, fieldProblems, update, keepMine, takeTheirs };
}

function isUnreachable(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.status === 429)
  );
}

// ── One indicator for the whole page ────────────────────────────────────────────────────────

/** The statuses of every part being edited on a page. */
export function createAutosaveRegistry() {
  const statuses = new Map<string, AutosaveStatus>();
  const listeners = new Set<() => void>();
  let combined: AutosaveStatus = "saved";
  return {
    report(partKey: string, status: AutosaveStatus | null) {
      if (status === null) statuses.delete(partKey);
      else statuses.set(partKey, status);
      const next = combinedStatus([...statuses.values()]);
      if (next === combined) return;
      combined = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    combined: () => combined,
  };
}

export type AutosaveRegistry = ReturnType<typeof createAutosaveRegistry>;

export const AutosaveRegistryContext = createContext<AutosaveRegistry | null>(null);

function useReportStatus(partKey: string, status: AutosaveStatus) {
  const registry = useContext(AutosaveRegistryContext);
  useEffect(() => {
    registry?.report(partKey, status);
  }, [registry, partKey, status]);
  useEffect(() => () => registry?.report(partKey, null), [registry, partKey]);
}

/** The worst status of the page's parts; also warns before leaving with unsaved changes. */
export function useCombinedAutosaveStatus(registry: AutosaveRegistry): AutosaveStatus {
  const status = useSyncExternalStore(registry.subscribe, registry.combined);
  useEffect(() => {
    if (status === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);
  return status;
}
