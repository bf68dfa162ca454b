import type { z } from "zod";
import type { FrameworkContent } from "#core/career/framework.schemas.ts";

/**
 * The draft as the conflict dialog compares it, field by field: entries carry their key as the
 * `id` the comparison matches list items by, so a role is compared with the same role however
 * the lists were reordered, and lists are named as the editor's tabs are.
 */
export function conflictView(content: z.input<typeof FrameworkContent>): Record<string, unknown> {
  const keyed = <Entry extends { key: string }>(entries: readonly Entry[]) =>
    entries.map((entry) => ({ id: entry.key, ...entry }));
  return {
    name: content.name,
    description: content.description,
    scale: content.scale.map((point) => point.label),
    gapRule: content.gapRule,
    themes: keyed(content.themes),
    competencies: keyed(content.competencies),
    jobFamilies: keyed(content.families),
    roles: keyed(content.roles),
    careerPaths: content.edges.map((edge) => ({ id: `${edge.from}→${edge.to}`, ...edge })),
  };
}
