import type { FrameworkContent, Role } from "#core/career/framework.schemas.ts";
import type { CareerMap, RolePage, RoleSearchResult } from "#core/career/frameworks.schemas.ts";

/** What one published version shows as a map, role pages and search entries; pure. */

export type MapWithoutReader = Omit<CareerMap, "myRoleKey">;

const byText = (a: string, b: string) => a.localeCompare(b);

export function presentMap(
  frameworkId: string,
  versionNumber: number,
  content: FrameworkContent,
): MapWithoutReader {
  return {
    frameworkId,
    versionNumber,
    departments: [...new Set(content.roles.map((role) => role.department))].sort(byText),
    families: content.families.map(({ key, name, department }) => ({ key, name, department })),
    roles: content.roles.map(({ key, familyKey, title, level, levelName, track, department }) => ({
      key,
      familyKey,
      title,
      level,
      levelName,
      track,
      department,
    })),
    edges: content.edges,
  };
}

export function presentRolePage(
  frameworkId: string,
  versionNumber: number,
  content: FrameworkContent,
  roleKey: string,
): RolePage | null {
  const role = content.roles.find((candidate) => candidate.key === roleKey);
  const family = role && content.families.find((candidate) => candidate.key === role.familyKey);
  if (!role || !family) return null;
  const themes = new Map(content.themes.map((theme) => [theme.key, theme]));
  const roles = new Map(content.roles.map((candidate) => [candidate.key, candidate]));
  const expectations = content.competencies.flatMap((competency) => {
    const expected = role.expectations[competency.key];
    const theme = themes.get(competency.themeKey);
    return expected !== undefined && theme ? [{ competency, theme, expected }] : [];
  });
  const link = (other: Role | undefined, edge: FrameworkContent["edges"][number]) =>
    other
      ? [
          {
            key: other.key,
            title: other.title,
            department: other.department,
            level: other.level,
            levelName: other.levelName,
            kind: edge.kind,
            note: edge.note,
          },
        ]
      : [];
  const { expectations: _, ...roleWithoutExpectations } = role;
  return {
    frameworkId,
    versionNumber,
    scale: content.scale,
    role: roleWithoutExpectations,
    family,
    expectations,
    leadsTo: content.edges
      .filter((edge) => edge.from === role.key)
      .flatMap((edge) => link(roles.get(edge.to), edge)),
    comesFrom: content.edges
      .filter((edge) => edge.to === role.key)
      .flatMap((edge) => link(roles.get(edge.from), edge)),
  };
}

export type SearchEntry = {
  role: RoleSearchResult["roles"][number];
  /** Title, summary, family and department, folded by `foldForSearch`. */
  haystack: string;
};

/** Case- and accent-insensitive in every script: NFKD, marks dropped, then lower case. */
export function foldForSearch(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

export function presentSearchEntries(
  frameworkId: string,
  frameworkName: string,
  content: FrameworkContent,
): SearchEntry[] {
  const families = new Map(content.families.map((family) => [family.key, family]));
  return content.roles.map((role) => {
    const familyName = families.get(role.familyKey)?.name ?? "";
    return {
      role: {
        frameworkId,
        frameworkName,
        key: role.key,
        title: role.title,
        level: role.level,
        levelName: role.levelName,
        track: role.track,
        department: role.department,
        familyName,
        summary: role.summary,
      },
      haystack: foldForSearch([role.title, role.summary, familyName, role.department].join("\n")),
    };
  });
}
