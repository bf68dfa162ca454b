import { useEffect, useRef } from "react";

/**
 * Puts keyboard focus on an element of the next render, by id: the first input of a row just
 * added, or the button of a row just moved (React re-inserts a moved row, which drops its focus).
 * Given several ids, focus goes to the first one that exists and is enabled.
 */
export function useFocusAfterRender(): (...ids: string[]) => void {
  const pending = useRef<string[] | null>(null);
  useEffect(() => {
    const ids = pending.current;
    if (!ids) return;
    pending.current = null;
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element && !element.matches(":disabled")) {
        element.focus();
        return;
      }
    }
  });
  return (...ids) => {
    pending.current = ids;
  };
}
