import type { FrameworkContent } from "#core/career/framework.schemas.ts";
import type { DiffEntry } from "#core/career/frameworks.schemas.ts";

/**
 * What changed between two framework documents, entity by entity and matched by key: the
 * framework's own fields, the scale, themes, competencies, their level descriptors, job
 * families, roles, each role's expectations and the edges. Used by the version diff and by the
 * import preview ("what will be created or changed").
 */
export function diffFrameworks(before: FrameworkContent, after: FrameworkContent): DiffEntry[] {
  const changes: DiffEntry[] = [];
  const push = (entry: DiffEntry) => changes.push(entry);

  for (const field of ["name", "description", "gapRule"] as const) {
    if (!same(before[field], after[field])) {
      push(
        change("framework", "changed", field, `Framework ${field}`, before[field], after[field]),
      );
    }
  }
  if (!same(before.scale, after.scale)) {
    const label = `Scale: ${before.scale.map((p) => p.label).join(" / ")} → ${after.scale.map((p) => p.label).join(" / ")}`;
    push(change("scale", "changed", "scale", label, before.scale, after.scale));
  }

  compareByKey(push, "themes", before.themes, after.themes, (theme) => theme.name);
  compareByKey(
    push,
    "competencies",
    before.competencies.map(({ descriptors: _, ...rest }) => rest),
    after.competencies.map(({ descriptors: _, ...rest }) => rest),
    (competency) => competency.name,
  );
  const beforeCompetencies = new Map(before.competencies.map((c) => [c.key, c]));
  for (const competency of after.competencies) {
    const old = beforeCompetencies.get(competency.key);
    if (!old) continue;
    competency.descriptors.forEach((text, index) => {
      const previous = old.descriptors[index] ?? "";
      if (previous !== text) {
        const key = `${competency.key}/${index + 1}`;
        const point = after.scale[index]?.label ?? `${index + 1}`;
        push(
          change(
            "descriptors",
            previous ? "changed" : "added",
            key,
            `${competency.name} · ${point}`,
            previous || null,
            text,
          ),
        );
      }
    });
    old.descriptors.slice(competency.descriptors.length).forEach((text, offset) => {
      const index = competency.descriptors.length + offset;
      if (!text) return;
      push(
        change(
          "descriptors",
          "removed",
          `${competency.key}/${index + 1}`,
          `${competency.name} · ${index + 1}`,
          text,
          null,
        ),
      );
    });
  }
  compareByKey(push, "families", before.families, after.families, (family) => family.name);
  compareByKey(
    push,
    "roles",
    before.roles.map(({ expectations: _, ...rest }) => rest),
    after.roles.map(({ expectations: _, ...rest }) => rest),
    (role) => role.title,
  );

  const competencyName = (key: string) =>
    after.competencies.find((c) => c.key === key)?.name ??
    before.competencies.find((c) => c.key === key)?.name ??
    key;
  const beforeRoles = new Map(before.roles.map((role) => [role.key, role]));
  for (const role of after.roles) {
    const old = beforeRoles.get(role.key)?.expectations ?? {};
    const keys = new Set([...Object.keys(old), ...Object.keys(role.expectations)]);
    for (const competency of [...keys].sort()) {
      const from = old[competency] ?? null;
      const to = role.expectations[competency] ?? null;
      if (from === to) continue;
      const kind = from === null ? "added" : to === null ? "removed" : "changed";
      const label = `${role.title} · ${competencyName(competency)}: ${from ?? "—"} → ${to ?? "—"}`;
      push(change("expectations", kind, `${role.key}/${competency}`, label, from, to));
    }
  }

  const title = (key: string) =>
    after.roles.find((role) => role.key === key)?.title ??
    before.roles.find((role) => role.key === key)?.title ??
    key;
  const edgeKey = (edge: { from: string; to: string }) => `${edge.from}→${edge.to}`;
  compareByKey(
    push,
    "edges",
    before.edges.map((edge) => ({ ...edge, key: edgeKey(edge) })),
    after.edges.map((edge) => ({ ...edge, key: edgeKey(edge) })),
    (edge) => `${title(edge.from)} → ${title(edge.to)}`,
  );
  return changes;
}

function compareByKey<T extends { key: string }>(
  push: (entry: DiffEntry) => void,
  area: DiffEntry["area"],
  before: T[],
  after: T[],
  label: (entry: T) => string,
) {
  const old = new Map(before.map((entry) => [entry.key, entry]));
  const seen = new Set<string>();
  for (const entry of after) {
    seen.add(entry.key);
    const previous = old.get(entry.key);
    if (!previous) push(change(area, "added", entry.key, label(entry), null, entry));
    else if (!same(previous, entry)) {
      push(change(area, "changed", entry.key, label(entry), previous, entry));
    }
  }
  for (const entry of before) {
    if (!seen.has(entry.key)) push(change(area, "removed", entry.key, label(entry), entry, null));
  }
}

function change(
  area: DiffEntry["area"],
  kind: DiffEntry["kind"],
  key: string,
  label: string,
  before: unknown,
  after: unknown,
): DiffEntry {
  return { area, kind, key, label, before: before ?? null, after: after ?? null };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
