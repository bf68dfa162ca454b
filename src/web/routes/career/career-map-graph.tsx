import { ActionIcon, Group, Tooltip, VisuallyHidden } from "@mantine/core";
import { IconFocusCentered, IconZoomIn, IconZoomOut } from "@tabler/icons-react";
import {
  Fragment,
  type KeyboardEvent,
  type PointerEvent,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import classes from "./career.module.css";
import {
  edgeId,
  edgeKindLabels,
  type MapEdge,
  type MapRole,
  movesOf,
  toLayoutInput,
} from "./career-map.ts";
import { layoutCareerMap } from "./career-map-layout.ts";

interface CareerMapGraphProps {
  roles: MapRole[];
  edges: MapEdge[];
  myRoleKey: string | null;
  /** Roles and edges on the paths from the reader's role, when that is highlighted. */
  highlight: { roles: Set<string>; edges: Set<string> } | null;
  onOpenRole: (roleKey: string) => void;
}

interface View {
  scale: number;
  x: number;
  y: number;
}

const minScale = 0.25;
const maxScale = 3;
const clampScale = (scale: number) => Math.min(maxScale, Math.max(minScale, scale));

/**
 * The map as SVG, laid out by dagre. Roles are links in reading order (department, family,
 * level), so Tab walks them and Enter opens one; the view follows focus, drags pan, and the
 * buttons, the +/- keys and Ctrl + wheel zoom.
 */
export function CareerMapGraph({
  roles,
  edges,
  myRoleKey,
  highlight,
  onOpenRole,
}: CareerMapGraphProps) {
  const layout = useMemo(() => layoutCareerMap(toLayoutInput(roles, edges)), [roles, edges]);
  const moves = useMemo(() => movesOf(roles, edges), [roles, edges]);
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const [panning, setPanning] = useState(false);
  const dragStart = useRef<{ pointerX: number; pointerY: number; view: View } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const hintId = useId();

  const zoom = (factor: number) =>
    setView((current) => ({ ...current, scale: clampScale(current.scale * factor) }));
  const reset = () => setView({ scale: 1, x: 0, y: 0 });

  /** Brings a focused role into view when it sits outside the visible part. */
  const followFocus = (roleKey: string) => {
    const node = layout.nodes.get(roleKey);
    const svg = svgRef.current;
    if (!node || !svg) return;
    const box = svg.getBoundingClientRect();
    const units = svgUnitsPerPixel(box, layout);
    const visibleWidth = (box.width * units) / view.scale;
    const visibleHeight = (box.height * units) / view.scale;
    const left = -view.x / view.scale;
    const top = -view.y / view.scale;
    const inside =
      node.x >= left &&
      node.x + node.width <= left + visibleWidth &&
      node.y >= top &&
      node.y + node.height <= top + visibleHeight;
    if (inside) return;
    const centreX = node.x + node.width / 2;
    const centreY = node.y + node.height / 2;
    setView({
      scale: view.scale,
      x: -(centreX - visibleWidth / 2) * view.scale,
      y: -(centreY - visibleHeight / 2) * view.scale,
    });
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0 || (event.target as Element).closest("[data-role-key]")) return;
    dragStart.current = { pointerX: event.clientX, pointerY: event.clientY, view };
    event.currentTarget.setPointerCapture(event.pointerId);
    setPanning(true);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = dragStart.current;
    const svg = svgRef.current;
    if (!start || !svg) return;
    const box = svg.getBoundingClientRect();
    const units = svgUnitsPerPixel(box, layout);
    setView({
      ...start.view,
      x: start.view.x + (event.clientX - start.pointerX) * units,
      y: start.view.y + (event.clientY - start.pointerY) * units,
    });
  };
  const endPan = () => {
    dragStart.current = null;
    setPanning(false);
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key === "+" || event.key === "=") zoom(1.25);
    else if (event.key === "-") zoom(0.8);
    else if (event.key === "0") reset();
  };

  const kindOf = new Map(edges.map((edge) => [edgeId(edge), edge.kind]));

  return (
    <section className={classes.mapFrame} aria-label="Career map" aria-describedby={hintId}>
      <VisuallyHidden id={hintId}>
        Tab moves through the roles in order of department and level; Enter opens one; plus and
        minus zoom, zero shows the whole map.
      </VisuallyHidden>
      <svg
        ref={svgRef}
        className={classes.mapSvg}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMidYMin meet"
        data-panning={panning || undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endPan}
        onPointerCancel={endPan}
        onKeyDown={onKeyDown}
        onWheel={(event) => {
          if (!event.ctrlKey && !event.metaKey) return;
          event.preventDefault();
          zoom(event.deltaY < 0 ? 1.1 : 0.9);
        }}
      >
        <title>Career map</title>
        <defs>
          <marker
            id="career-arrow-upward"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className={classes.marker} />
          </marker>
          <marker
            id="career-arrow-lateral"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className={classes.markerOpen} />
          </marker>
          <marker
            id="career-arrow-cross-department"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="9"
            markerHeight="9"
            orient="auto-start-reverse"
          >
            <path d="M0,5 L5,0 L10,5 L5,10 z" className={classes.marker} />
          </marker>
        </defs>
        <g transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>
          <g aria-hidden>
            {layout.edges.map((edge) => {
              const kind = kindOf.get(edge.id) ?? "upward";
              const onPath = highlight?.edges.has(edge.id) ?? false;
              return (
                <path
                  key={edge.id}
                  className={classes.edge}
                  data-kind={kind}
                  data-highlighted={onPath || undefined}
                  data-dimmed={(highlight && !onPath) || undefined}
                  d={edgePath(edge.points)}
                  markerEnd={`url(#career-arrow-${kind})`}
                />
              );
            })}
          </g>
          {roles.map((role) => {
            const node = layout.nodes.get(role.key);
            if (!node) return null;
            const isMine = role.key === myRoleKey;
            const dimmed = highlight !== null && !highlight.roles.has(role.key);
            const leadsTo = moves.get(role.key)?.leadsTo ?? [];
            const label = [
              role.title,
              `level ${role.level}${role.levelName ? ` (${role.levelName})` : ""}`,
              role.department,
              isMine ? "your current role" : null,
              leadsTo.length > 0
                ? `leads to ${leadsTo.map((move) => `${move.role.title} (${edgeKindLabels[move.kind].toLowerCase()})`).join(", ")}`
                : null,
            ]
              .filter(Boolean)
              .join(", ");
            return (
              <Fragment key={role.key}>
                {/* biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <a> with router navigation and keep the layout */}
                <g
                  role="link"
                  tabIndex={0}
                  aria-label={label}
                  data-role-key={role.key}
                  data-mine={isMine || undefined}
                  data-dimmed={dimmed || undefined}
                  className={classes.node}
                  transform={`translate(${node.x} ${node.y})`}
                  onClick={() => onOpenRole(role.key)}
                  onFocus={() => followFocus(role.key)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter") {
                      event.preventDefault();
                      onOpenRole(role.key);
                    }
                  }}
                >
                  <title>{role.title}</title>
                  <rect
                    className={classes.nodeBox}
                    width={node.width}
                    height={node.height}
                    rx={10}
                  />
                </g>
                {/* The box's text is shortened to fit, so it is drawn over the link, outside it:
                  the link's name says it all in full. */}
                <g
                  aria-hidden
                  className={classes.nodeText}
                  data-dimmed={dimmed || undefined}
                  transform={`translate(${node.x} ${node.y})`}
                >
                  <text className={classes.nodeTitle} x={12} y={24}>
                    {truncate(role.title, 22)}
                  </text>
                  <text className={classes.nodeMeta} x={12} y={46}>
                    {truncate(
                      `${isMine ? "★ You · " : ""}L${role.level} ${role.levelName || role.department}`,
                      26,
                    )}
                  </text>
                </g>
              </Fragment>
            );
          })}
        </g>
      </svg>
      <Group gap={4} className={classes.mapControls}>
        <Tooltip label="Zoom in">
          <ActionIcon variant="default" size="lg" aria-label="Zoom in" onClick={() => zoom(1.25)}>
            <IconZoomIn size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Zoom out">
          <ActionIcon variant="default" size="lg" aria-label="Zoom out" onClick={() => zoom(0.8)}>
            <IconZoomOut size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Show the whole map">
          <ActionIcon variant="default" size="lg" aria-label="Show the whole map" onClick={reset}>
            <IconFocusCentered size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    </section>
  );
}

/** With "meet", the drawing is scaled by the tighter of the two directions. */
function svgUnitsPerPixel(box: DOMRect, layout: { width: number; height: number }): number {
  if (box.width <= 0 || box.height <= 0) return 1;
  return Math.max(layout.width / box.width, layout.height / box.height);
}

function edgePath(points: { x: number; y: number }[]): string {
  return points.map((point, index) => `${index === 0 ? "M" : "L"}${point.x},${point.y}`).join(" ");
}

function truncate(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

/** The three line styles, so a move's kind is told by dash and arrowhead as well as words. */
export function EdgeLegend() {
  const kinds: MapEdge["kind"][] = ["upward", "lateral", "cross-department"];
  return (
    <Group
      gap="lg"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-label="Line styles"
    >
      {kinds.map((kind) => (
        <Group key={kind} component="li" gap={6} wrap="nowrap">
          <svg width="44" height="12" aria-hidden viewBox="0 0 44 12">
            <path
              className={classes.edge}
              data-kind={kind}
              d="M2,6 L34,6"
              markerEnd={`url(#career-arrow-${kind})`}
            />
          </svg>
          <span>
            {edgeKindLabels[kind]}
            {kind === "upward" ? " (solid)" : kind === "lateral" ? " (dashed)" : " (dotted)"}
          </span>
        </Group>
      ))}
    </Group>
  );
}
