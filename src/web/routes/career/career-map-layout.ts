import dagre from "@dagrejs/dagre";
import type { LayoutInput } from "./career-map.ts";

export interface PlacedNode {
  id: string;
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  points: { x: number; y: number }[];
}

export interface MapLayout {
  nodes: Map<string, PlacedNode>;
  edges: PlacedEdge[];
  width: number;
  height: number;
}

const margin = 24;

/** Places the roles with dagre: first steps at the bottom, each step up a rank higher. */
export function layoutCareerMap(input: LayoutInput): MapLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "BT", nodesep: 32, ranksep: 72, marginx: margin, marginy: margin });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of input.nodes)
    graph.setNode(node.id, { width: node.width, height: node.height });
  for (const edge of input.edges) {
    if (edge.ranks) graph.setEdge(edge.from, edge.to, {}, edge.id);
  }
  dagre.layout(graph);

  const nodes = new Map<string, PlacedNode>();
  for (const node of input.nodes) {
    const placed = graph.node(node.id);
    nodes.set(node.id, {
      id: node.id,
      x: placed.x - node.width / 2,
      y: placed.y - node.height / 2,
      width: node.width,
      height: node.height,
    });
  }
  const edges = input.edges.map((edge) => {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    const routed = edge.ranks ? graph.edge(edge.from, edge.to, edge.id)?.points : undefined;
    return {
      id: edge.id,
      points: routed ?? (from && to ? straightBetween(from, to) : []),
    };
  });
  const size = graph.graph();
  return {
    nodes,
    edges,
    width: Math.max(size.width ?? 0, margin * 2),
    height: Math.max(size.height ?? 0, margin * 2),
  };
}

/** A line from the border of one box towards the centre of the other, ending at its border. */
export function straightBetween(from: PlacedNode, to: PlacedNode): { x: number; y: number }[] {
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
  return [towardsBorder(start, end, from), towardsBorder(end, start, to)];
}

function towardsBorder(
  centre: { x: number; y: number },
  target: { x: number; y: number },
  box: PlacedNode,
): { x: number; y: number } {
  const dx = target.x - centre.x;
  const dy = target.y - centre.y;
  if (dx === 0 && dy === 0) return centre;
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : box.width / 2 / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : box.height / 2 / Math.abs(dy),
  );
  return { x: centre.x + dx * scale, y: centre.y + dy * scale };
}
