import type { CareerMap } from "#core/career/frameworks.schemas.ts";

export type MapRole = CareerMap["roles"][number];
export type MapEdge = CareerMap["edges"][number];

export interface MapFilters {
  department?: string | undefined;
  track?: "ic" | "manager" | undefined;
}

/** The roles the filters keep, and the edges between two kept roles. */
export function filterCareerMap(
  map: Pick<CareerMap, "roles" | "edges">,
  filters: MapFilters,
): { roles: MapRole[]; edges: MapEdge[] } {
  const roles = map.roles.filter(
    (role) =>
      (!filters.department || role.department === filters.department) &&
      (!filters.track || role.track === filters.track),
  );
  const kept = new Set(roles.map((role) => role.key));
  const edges = map.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to));
  return { roles: sortRoles(roles), edges };
}

/**
 * The order people read and tab through roles: by department, then family, then level from the
 * first step up, then title; the same order in the map (focus order) and in the list.
 */
export function sortRoles<Role extends MapRole>(roles: Role[]): Role[] {
  return [...roles].sort(
    (a, b) =>
      a.department.localeCompare(b.department) ||
      a.familyKey.localeCompare(b.familyKey) ||
      a.level - b.level ||
      a.title.localeCompare(b.title),
  );
}

export const edgeId = (edge: Pick<MapEdge, "from" | "to">) => `${edge.from}→${edge.to}`;

/** Every role reachable from `start` along the edges' direction, and the edges on the way. */
export function pathsFrom(
  edges: MapEdge[],
  start: string | null,
): { roles: Set<string>; edges: Set<string> } {
  const roles = new Set<string>();
  const onPath = new Set<string>();
  if (!start) return { roles, edges: onPath };
  const outgoing = new Map<string, MapEdge[]>();
  for (const edge of edges) outgoing.set(edge.from, [...(outgoing.get(edge.from) ?? []), edge]);
  const queue = [start];
  roles.add(start);
  while (queue.length > 0) {
    const key = queue.shift() as string;
    for (const edge of outgoing.get(key) ?? []) {
      onPath.add(edgeId(edge));
      if (!roles.has(edge.to)) {
        roles.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return { roles, edges: onPath };
}

export const nodeSize = { width: 184, height: 64 } as const;

export interface LayoutInput {
  nodes: { id: string; width: number; height: number }[];
  /**
   * Only steps up rank the roles; a lateral or cross-department move does not put its target a
   * rank higher (dagre has no same-rank edges), so it is drawn between the placed boxes.
   */
  edges: { id: string; from: string; to: string; ranks: boolean }[];
}

/** What the layout library is given: one box per role, one edge per move. */
export function toLayoutInput(roles: MapRole[], edges: MapEdge[]): LayoutInput {
  return {
    nodes: roles.map((role) => ({ id: role.key, ...nodeSize })),
    edges: edges.map((edge) => ({
      id: edgeId(edge),
      from: edge.from,
      to: edge.to,
      ranks: edge.kind === "upward",
    })),
  };
}

export const edgeKindLabels: Record<MapEdge["kind"], string> = {
  upward: "Step up",
  lateral: "Lateral move",
  "cross-department": "Move to another department",
};

/** The moves out of and into each role, for the list view and the map's accessible names. */
export function movesOf(roles: MapRole[], edges: MapEdge[]) {
  const byKey = new Map(roles.map((role) => [role.key, role]));
  const moves = new Map<string, { leadsTo: MapMove[]; comesFrom: MapMove[] }>();
  for (const role of roles) moves.set(role.key, { leadsTo: [], comesFrom: [] });
  for (const edge of edges) {
    const from = byKey.get(edge.from);
    const to = byKey.get(edge.to);
    if (!from || !to) continue;
    moves.get(from.key)?.leadsTo.push({ role: to, kind: edge.kind, note: edge.note });
    moves.get(to.key)?.comesFrom.push({ role: from, kind: edge.kind, note: edge.note });
  }
  return moves;
}

export interface MapMove {
  role: MapRole;
  kind: MapEdge["kind"];
  note: string;
}
