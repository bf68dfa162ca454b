import {
  type FocusEvent,
  type KeyboardEvent,
  memo,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type {
  Competency,
  FrameworkContent,
  RatingScale,
  Role,
} from "#core/career/framework.schemas.ts";
import classes from "./expectations-grid.module.css";
import {
  cellLabel,
  type GridPosition,
  gridColumns,
  gridCommand,
  type LevelChange,
  levelOf,
  type PendingLevels,
  type RowLevels,
  visibleRowRange,
} from "./expectations-grid.ts";

/** Every row is this tall (the CSS says so too), so the rows in view follow from the scroll. */
export const gridRowHeight = 40;
const headerRows = 2;
const roleColumnWidth = "16rem";
const competencyColumnWidth = "3.25rem";
/** Before the box is laid out (and in tests), draw as many rows as a tall window shows. */
const fallbackViewport = 720;

interface ExpectationsTableProps {
  content: Pick<FrameworkContent, "roles" | "themes" | "competencies" | "scale">;
  pending: PendingLevels;
  onType: (change: LevelChange) => void;
}

/**
 * The ARIA grid of expected levels: roles are rows, competencies columns under their themes.
 * One cell is in the tab order; the arrows, Home, End and Page keys move it; a digit sets a
 * level and moves to the next competency; Delete or Backspace clears. Only the rows in view are
 * drawn, and a keystroke draws again only the row it changed and the rows focus moved between.
 */
export function ExpectationsTable({ content, pending, onType }: ExpectationsTableProps) {
  const { roles, scale, themes, competencies } = content;
  const { groups, columns } = useMemo(
    () => gridColumns({ themes, competencies }),
    [themes, competencies],
  );
  const [active, setActive] = useState<GridPosition>({ row: 0, column: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const focusAfterMove = useRef(false);
  const idPrefix = useId();
  const cellDomId = useCallback(
    (row: number, column: number) => `${idPrefix}-${row}-${column}`,
    [idPrefix],
  );

  const viewportHeight = viewport.current?.clientHeight || fallbackViewport;
  const { start, end } = visibleRowRange(scrollTop, viewportHeight, gridRowHeight, roles.length);
  const position = {
    row: Math.min(active.row, Math.max(roles.length - 1, 0)),
    column: Math.min(active.column, Math.max(columns.length - 1, 0)),
  };

  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    document.getElementById(cellDomId(position.row, position.column))?.focus();
  });

  /** Scroll so that `row` is in view below the headers, and draw it at once. */
  const reveal = (row: number) => {
    const box = viewport.current;
    if (!box) return;
    const header = box.querySelector("thead")?.getBoundingClientRect().height ?? 0;
    const top = row * gridRowHeight;
    const visible = (box.clientHeight || fallbackViewport) - header;
    let next = box.scrollTop;
    if (top < next) next = top;
    else if (top + gridRowHeight > next + visible) next = top + gridRowHeight - visible;
    if (next !== box.scrollTop) {
      box.scrollTop = next;
      setScrollTop(next);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (roles.length === 0 || columns.length === 0) return;
    const command = gridCommand(
      event.key,
      position,
      { rows: roles.length, columns: columns.length },
      {
        scalePoints: scale.length,
        ctrlKey: event.ctrlKey || event.metaKey,
        pageRows: Math.max(1, Math.floor(viewportHeight / gridRowHeight) - headerRows),
      },
    );
    if (!command) return;
    event.preventDefault();
    const role = roles[position.row];
    const competency = columns[position.column];
    if (command.type === "move") {
      focusAfterMove.current = true;
      reveal(command.to.row);
      setActive(command.to);
      return;
    }
    if (!role || !competency) return;
    onType({
      roleKey: role.key,
      competencyKey: competency.key,
      level: command.type === "set" ? command.level : null,
    });
    if (command.type === "set" && position.column < columns.length - 1) {
      focusAfterMove.current = true;
      setActive({ row: position.row, column: position.column + 1 });
    }
  };

  const onCellClick = useCallback((row: number, column: number) => {
    focusAfterMove.current = true;
    setActive({ row, column });
  }, []);

  if (roles.length === 0 || columns.length === 0) return null;
  const shown = roles.slice(start, end);
  // Scrolled away from the cell in the tab order: the same column of the first row drawn takes
  // its place, and becomes the active cell when it gets focus.
  const tabRow = position.row >= start && position.row < end ? position.row : start;
  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-column]");
    const row = Number(cell?.dataset.row);
    const column = Number(cell?.dataset.column);
    if (!cell || (row === position.row && column === position.column)) return;
    setActive({ row, column });
  };

  return (
    <div
      ref={viewport}
      className={classes.viewport}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <table
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern on a table, as in the APG's data grid example
        role="grid"
        aria-label="Expected level of each role in each competency"
        aria-rowcount={roles.length + headerRows}
        aria-colcount={columns.length + 1}
        className={classes.grid}
        style={{ width: `calc(${roleColumnWidth} + ${columns.length} * ${competencyColumnWidth})` }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <colgroup>
          <col style={{ width: roleColumnWidth }} />
          {columns.map((competency) => (
            <col key={competency.key} style={{ width: competencyColumnWidth }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th className={classes.roleHeader} scope="col" rowSpan={1}>
              Theme
            </th>
            {groups.map((group) => (
              <th
                key={group.theme?.key ?? ""}
                scope="colgroup"
                colSpan={group.competencies.length}
                title={group.theme?.name ?? "No theme"}
              >
                {group.theme?.name ?? "No theme"}
              </th>
            ))}
          </tr>
          <tr aria-rowindex={2}>
            <th className={classes.roleHeader} scope="col">
              Role
            </th>
            {columns.map((competency, index) => (
              <th
                key={competency.key}
                scope="col"
                aria-colindex={index + 2}
                className={classes.competency}
                title={competency.name}
              >
                <div className={classes.competencyName}>{competency.name}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {start > 0 && <tr aria-hidden style={{ height: start * gridRowHeight }} />}
          {shown.map((role, offset) => {
            const row = start + offset;
            return (
              <GridRow
                key={role.key}
                role={role}
                row={row}
                columns={columns}
                scale={scale}
                typed={pending.get(role.key)}
                activeColumn={row === tabRow ? position.column : -1}
                cellDomId={cellDomId}
                onCellClick={onCellClick}
              />
            );
          })}
          {end < roles.length && (
            <tr aria-hidden style={{ height: (roles.length - end) * gridRowHeight }} />
          )}
        </tbody>
      </table>
    </div>
  );
}

interface GridRowProps {
  role: Role;
  row: number;
  columns: Competency[];
  scale: RatingScale;
  typed: RowLevels | undefined;
  /** The column of the cell in the tab order, or -1 when it is in another row. */
  activeColumn: number;
  cellDomId: (row: number, column: number) => string;
  onCellClick: (row: number, column: number) => void;
}

/** One role's row; drawn again only when its levels or its share of the focus change. */
const GridRow = memo(function GridRow({
  role,
  row,
  columns,
  scale,
  typed,
  activeColumn,
  cellDomId,
  onCellClick,
}: GridRowProps) {
  return (
    <tr aria-rowindex={row + headerRows + 1} className={classes.row}>
      <th scope="row" className={classes.roleHeader} title={role.title}>
        {role.title}
        {role.levelName ? ` (${role.levelName})` : ""}
      </th>
      {columns.map((competency, column) => {
        const level = levelOf(role, competency.key, typed);
        const unsaved = typed?.has(competency.key) ?? false;
        const isActive = column === activeColumn;
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the grid handles every key of its cells
          <td
            key={competency.key}
            id={cellDomId(row, column)}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a cell of the ARIA grid
            role="gridcell"
            aria-colindex={column + 2}
            aria-label={`${cellLabel(role, competency, level, scale)}${unsaved ? " (not saved yet)" : ""}`}
            tabIndex={isActive ? 0 : -1}
            className={classes.cell}
            data-row={row}
            data-column={column}
            data-active={isActive || undefined}
            data-unsaved={unsaved || undefined}
            onClick={() => onCellClick(row, column)}
          >
            {level === null ? (
              <span className={classes.empty} aria-hidden>
                ·{unsaved ? "*" : ""}
              </span>
            ) : (
              <span className={classes.level} aria-hidden>
                {level}
                {unsaved ? "*" : ""}
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
});
