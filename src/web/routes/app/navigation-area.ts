import { useEffect, useSyncExternalStore } from "react";

/**
 * The navigation area a page claims for itself when its path alone does not say (a report's
 * profile belongs to "My team", not "People"). The claim holds for the path it was made on, so
 * a page that is left without unmounting first never lends its area to the next one.
 */
interface Claim {
  pathname: string;
  area: string;
}

let claim: Claim | null = null;
const listeners = new Set<() => void>();

function setClaim(next: Claim | null) {
  claim = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by a page: its area while it is shown, or null to leave it to the path. */
export function useNavigationArea(area: string | null) {
  useEffect(() => {
    if (area === null) return;
    const mine = { pathname: window.location.pathname, area };
    setClaim(mine);
    return () => {
      if (claim === mine) setClaim(null);
    };
  }, [area]);
}

/** The area the current page claimed, if any. */
export function useClaimedArea(pathname: string): string | null {
  const current = useSyncExternalStore(subscribe, () => claim);
  return current?.pathname === pathname ? current.area : null;
}

/**
 * Which of the navigation's destinations the page at `pathname` belongs to: a page's own claim
 * first, then the plans shared with the reader (a shared plan is read under "Shared with me"),
 * then the longest destination the path starts with.
 */
export function activeArea(
  pathname: string,
  destinations: readonly string[],
  context: { claimed: string | null; sharedPlanIds: ReadonlySet<string> },
): string | null {
  if (context.claimed && destinations.includes(context.claimed)) return context.claimed;
  const plan = /^\/growth-plans\/([^/]+)/.exec(pathname)?.[1];
  if (plan === "shared" || (plan && context.sharedPlanIds.has(plan))) {
    return destinations.includes("/growth-plans/shared") ? "/growth-plans/shared" : null;
  }
  if (pathname === "/") return destinations.includes("/") ? "/" : null;
  const matching = destinations
    .filter((to) => to !== "/" && (pathname === to || pathname.startsWith(`${to}/`)))
    .sort((a, b) => b.length - a.length);
  return matching[0] ?? null;
}
