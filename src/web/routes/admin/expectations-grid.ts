import type {
  Competency,
  FrameworkContent,
  RatingScale,
  Role,
  Theme,
} from "#core/career/framework.schemas.ts";

/** The cell that has keyboard focus: a row (role) and a column (competency), both 0-based. */
export interface GridPosition {
  row: number;
  column: number;
}

export interface GridSize {
  rows: number;
  columns: number;
}

/** What a key pressed in a cell does. */
export type GridCommand =
  | { type: "move"; to: GridPosition }
  | { type: "set"; level: number }
  | { type: "clear" };

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), Math.max(max, 0));

/**
 * The grid's keyboard, as the ARIA grid pattern has it: arrows move one cell, Home and End to
 * the row's ends (with Ctrl, the grid's), Page Up and Page Down by `pageRows`; a digit of the
 * scale sets that level; Delete, Backspace or 0 clears the cell. Null: the key is not the grid's.
 */
export function gridCommand(
  key: string,
  position: GridPosition,
  size: GridSize,
  options: { scalePoints: number; ctrlKey?: boolean; pageRows?: number },
): GridCommand | null {
  const lastRow = size.rows - 1;
  const lastColumn = size.columns - 1;
  const pageRows = options.pageRows ?? 10;
  const move = (row: number, column: number): GridCommand => ({
    type: "move",
    to: { row: clamp(row, lastRow), column: clamp(column, lastColumn) },
  });
  const { row, column } = position;
  switch (key) {
    case "ArrowUp":
      return move(row - 1, column);
    case "ArrowDown":
      return move(row + 1, column);
    case "ArrowLeft":
      return move(row, column - 1);
    case "ArrowRight":
      return move(row, column + 1);
    case "Home":
      return options.ctrlKey ? move(0, 0) : move(row, 0);
    case "End":
      return options.ctrlKey ? move(lastRow, lastColumn) : move(row, lastColumn);
    case "PageUp":
      return move(row - pageRows, column);
    case "PageDown":
      return move(row + pageRows, column);
    case "Delete":
    case "Backspace":
    case "0":
      return { type: "clear" };
    default:
      if (/^[1-9]$/.test(key) && Number(key) <= options.scalePoints) {
        return { type: "set", level: Number(key) };
      }
      return null;
  }
}

/** The columns of the grid: competencies grouped by theme, in the themes' order. */
export function gridColumns(content: Pick<FrameworkContent, "themes" | "competencies">): {
  groups: { theme: Theme | null; competencies: Competency[] }[];
  columns: Competency[];
} {
  const groups: { theme: Theme | null; competencies: Competency[] }[] = content.themes.map(
    (theme) => ({
      theme,
      competencies: content.competencies.filter((c) => c.themeKey === theme.key),
    }),
  );
  const themed = new Set(content.themes.map((theme) => theme.key));
  const loose = content.competencies.filter((c) => !themed.has(c.themeKey));
  if (loose.length > 0) groups.push({ theme: null, competencies: loose });
  const shown = groups.filter((group) => group.competencies.length > 0);
  return { groups: shown, columns: shown.flatMap((group) => group.competencies) };
}

/** What a screen reader says for a cell: "Senior Analyst, Forecasting: 3 Proficient". */
export function cellLabel(
  role: Pick<Role, "title">,
  competency: Pick<Competency, "name">,
  level: number | null,
  scale: RatingScale,
): string {
  const point = level === null ? null : scale[level - 1];
  const value = level === null ? "not expected" : `${level}${point ? ` ${point.label}` : ""}`;
  return `${role.title}, ${competency.name}: ${value}`;
}

// ── Changes waiting to be saved ───────────────────────────────────────────────────────────────

/** A role's levels typed but not saved yet: competency key → level (null: cleared). */
export type RowLevels = ReadonlyMap<string, number | null>;

/**
 * Role key → its levels typed but not saved yet. A change makes a new map for its role only, so
 * every other row keeps the same object and is not drawn again.
 */
export type PendingLevels = ReadonlyMap<string, RowLevels>;

export interface LevelChange {
  roleKey: string;
  competencyKey: string;
  level: number | null;
}

export function withLevel(pending: PendingLevels, change: LevelChange): PendingLevels {
  const next = new Map(pending);
  const row = new Map(pending.get(change.roleKey));
  row.set(change.competencyKey, change.level);
  next.set(change.roleKey, row);
  return next;
}

/** The level shown in a cell: what was typed if not saved yet, else what the draft holds. */
export function levelOf(
  role: Pick<Role, "expectations">,
  competencyKey: string,
  typed: RowLevels | undefined,
): number | null {
  if (typed?.has(competencyKey)) return typed.get(competencyKey) ?? null;
  return role.expectations[competencyKey] ?? null;
}

/**
 * The PATCH body's changes: a cell typed back to its saved level is left out, and so is one of
 * a role or competency the draft no longer has.
 */
export function changesOf(
  pending: PendingLevels,
  content: Pick<FrameworkContent, "roles" | "competencies">,
): LevelChange[] {
  const roles = new Map(content.roles.map((role) => [role.key, role]));
  const competencies = new Set(content.competencies.map((competency) => competency.key));
  const changes: LevelChange[] = [];
  for (const [roleKey, row] of pending) {
    const role = roles.get(roleKey);
    if (!role) continue;
    for (const [competencyKey, level] of row) {
      if (!competencies.has(competencyKey)) continue;
      if ((role.expectations[competencyKey] ?? null) === level) continue;
      changes.push({ roleKey, competencyKey, level });
    }
  }
  return changes;
}

/** The pending levels without the ones a save has just stored (unless typed again since). */
export function withoutSaved(pending: PendingLevels, saved: readonly LevelChange[]): PendingLevels {
  const next = new Map(pending);
  for (const [roleKey, changes] of Map.groupBy(saved, (change) => change.roleKey)) {
    const row = new Map(next.get(roleKey));
    for (const { competencyKey, level } of changes) {
      if (row.get(competencyKey) === level) row.delete(competencyKey);
    }
    if (row.size === 0) next.delete(roleKey);
    else next.set(roleKey, row);
  }
  return next;
}

export function countPending(pending: PendingLevels): number {
  let count = 0;
  for (const row of pending.values()) count += row.size;
  return count;
}

/** The roles with the saved changes applied; roles without changes stay the same objects. */
export function applyLevels<RoleLike extends Pick<Role, "key" | "expectations">>(
  roles: readonly RoleLike[],
  changes: readonly LevelChange[],
): RoleLike[] {
  const byRole = Map.groupBy(changes, (change) => change.roleKey);
  return roles.map((role) => {
    const mine = byRole.get(role.key);
    if (!mine) return role;
    const expectations = { ...role.expectations };
    for (const { competencyKey, level } of mine) {
      if (level === null) delete expectations[competencyKey];
      else expectations[competencyKey] = level;
    }
    return { ...role, expectations };
  });
}

// ── Rows drawn ────────────────────────────────────────────────────────────────────────────────

/** The rows to render for a scrolled table of fixed-height rows, with a margin either side. */
export function visibleRowRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(scrollTop, 0) / rowHeight);
  const shown = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(rowCount, first + shown + overscan),
  };
}
