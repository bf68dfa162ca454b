import { useBlocker } from "@tanstack/react-router";
import { useRef } from "react";

const leaveQuestion = "Leave this page? Your unsaved changes will be lost.";

/**
 * Asks before leaving a form with unsaved changes: a link in the app, the back button, and
 * closing or reloading the tab (where the browser asks in its own words).
 */
export function useLeaveGuard(hasUnsavedChanges: boolean): void {
  // Read when leaving, not when the blocker was set up: a save may have just finished.
  const unsaved = useRef(hasUnsavedChanges);
  unsaved.current = hasUnsavedChanges;
  useBlocker({
    shouldBlockFn: () => unsaved.current && !window.confirm(leaveQuestion),
    enableBeforeUnload: () => unsaved.current,
  });
}
