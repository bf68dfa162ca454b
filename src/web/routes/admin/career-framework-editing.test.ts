import { describe, expect, it } from "vitest";
import { FrameworkContent as Schema } from "#core/career/framework.schemas.ts";
import { nth, sampleContent } from "./career-framework.testing.ts";
import {
  blankCompetency,
  blankEdge,
  blankFamily,
  blankRole,
  blankTheme,
  competenciesForScale,
  edgesWithoutRole,
  entriesWithErrors,
  errorCountsByArea,
  frameworkContentOf,
  frameworkFormSchema,
  frameworkFormValues,
  isNewEntry,
  messagesUnder,
  pageOfEntries,
  resizedScale,
  tabOfPath,
  uniqueKey,
} from "./career-framework-editing.ts";

describe("uniqueKey", () => {
  it("makes a slug of the name and numbers it past keys already taken", () => {
    expect(uniqueKey("Senior Analyst", new Set())).toBe("senior-analyst");
    expect(uniqueKey("Senior Analyst", new Set(["senior-analyst", "senior-analyst-2"]))).toBe(
      "senior-analyst-3",
    );
    expect(uniqueKey("Café · Déjà vu!", new Set())).toBe("cafe-deja-vu");
  });

  it("falls back on the kind's word when the name has no letters or digits", () => {
    expect(uniqueKey("★★★", new Set(), "role")).toBe("role");
    expect(uniqueKey("", new Set(["role"]), "role")).toBe("role-2");
  });
});

describe("frameworkContentOf", () => {
  it("gives back the stored document unchanged", () => {
    const content = sampleContent();
    expect(frameworkContentOf(frameworkFormValues(content))).toEqual(content);
  });

  it("keeps the keys of existing entries when their names change", () => {
    const values = frameworkFormValues(sampleContent());
    values.content.roles[0] = { ...nth(values.content.roles), title: "Data Analyst" };
    expect(frameworkContentOf(values).roles[0]?.key).toBe("analyst");
  });

  it("makes unique keys for new entries and resolves references to them", () => {
    const values = frameworkFormValues(sampleContent());
    const theme = { ...blankTheme(), name: "Craft" };
    const competency = { ...blankCompetency(theme.uid, 3), name: "Storytelling" };
    const family = { ...blankFamily(), name: "Science", department: "Data" };
    const role = { ...blankRole(family), title: "Analyst" };
    values.content.themes.push(theme);
    values.content.competencies.push(competency);
    values.content.families.push(family);
    values.content.roles.push(role);
    values.content.edges.push(blankEdge("analyst", role.uid));
    expect(isNewEntry(role)).toBe(true);

    const content = frameworkContentOf(values);
    expect(content.themes.map((t) => t.key)).toEqual(["craft", "craft-2"]);
    expect(content.competencies[1]).toMatchObject({ key: "storytelling", themeKey: "craft-2" });
    expect(content.roles[1]).toMatchObject({ key: "analyst-2", familyKey: "science" });
    expect(content.edges[0]).toMatchObject({ from: "analyst", to: "analyst-2" });
    expect(Schema.safeParse(content).success).toBe(true);
  });

  it("drops expectations of removed competencies and descriptors past the scale", () => {
    const values = frameworkFormValues(sampleContent());
    values.content.scale = resizedScale(values.content.scale, 3);
    nth(values.content.competencies).descriptors.push("extra");
    expect(frameworkContentOf(values).competencies[0]?.descriptors).toEqual(["a", "b", "c"]);
    values.content.competencies = [];
    expect(frameworkContentOf(values).roles[0]?.expectations).toEqual({});
  });

  it("turns empty links into nulls", () => {
    const values = frameworkFormValues(sampleContent());
    nth(values.content.roles).url = " ";
    expect(frameworkContentOf(values).roles[0]?.url).toBeNull();
  });
});

describe("frameworkFormSchema", () => {
  it("reports problems at the paths of the form's inputs", () => {
    const values = frameworkFormValues(sampleContent());
    nth(values.content.roles).title = "";
    nth(values.content.competencies).themeKey = "";
    const result = frameworkFormSchema.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toContain("content.roles.0.title");
    expect(paths).toContain("content.competencies.0.themeKey");
  });
});

describe("scale changes", () => {
  it("keeps labels, names new points and stays within 3 to 7 points", () => {
    const scale = sampleContent().scale;
    expect(resizedScale(scale, 4).map((p) => p.label)).toEqual([
      "Learning",
      "Developing",
      "Proficient",
      "Level 4",
    ]);
    expect(resizedScale(scale, 1)).toHaveLength(3);
    expect(resizedScale(scale, 9)).toHaveLength(7);
  });

  it("gives every competency one descriptor per point", () => {
    const competency = nth(frameworkFormValues(sampleContent()).content.competencies);
    expect(competenciesForScale([competency], 5)[0]?.descriptors).toEqual(["a", "b", "c", "", ""]);
    expect(competenciesForScale([competency], 2)[0]?.descriptors).toEqual(["a", "b"]);
  });
});

describe("edgesWithoutRole", () => {
  it("removes the edges from and to a role", () => {
    const edges = [blankEdge("a", "b"), blankEdge("b", "c"), blankEdge("c", "d")];
    expect(edgesWithoutRole(edges, "b").map((edge) => edge.to)).toEqual(["d"]);
  });
});

describe("errorCountsByArea", () => {
  it("counts messages per tab, the framework's own fields together", () => {
    expect(
      errorCountsByArea({
        "content.name": "Enter a name",
        "content.gapRule.prefer": "Name each source once",
        "content.roles.0.title": "Enter a name",
        "content.roles.3.familyKey": "No job family",
        "content.edges": "",
      }),
    ).toEqual({ framework: 2, roles: 2 });
  });
});

describe("pageOfEntries", () => {
  const items = Array.from({ length: 45 }, (_, index) => `Role ${index + 1}`);

  it("pages entries and keeps their place in the whole list", () => {
    const last = pageOfEntries(items, (item) => item, "", 3);
    expect(last.pageCount).toBe(3);
    expect(last.entries.map((entry) => entry.index)).toEqual([40, 41, 42, 43, 44]);
  });

  it("finds entries by their text, whatever the case", () => {
    const found = pageOfEntries(items, (item) => item, "role 4", 9);
    expect(found.matching).toBe(7);
    expect(found.entries[0]).toEqual({ item: "Role 4", index: 3 });
  });
});

describe("messages of list entries", () => {
  const errors = {
    "content.roles.7.title": "Enter a name",
    "content.roles.7.expectations.gone": 'No competency has the key "gone"',
    "content.roles.12": "x",
    "content.edges.3.from": "No role",
  };

  it("finds the entries with a message and the tab of a path", () => {
    expect([...entriesWithErrors(errors, "content.roles")]).toEqual([7, 12]);
    expect(tabOfPath("content.gapRule.prefer")).toBe("framework");
    expect(tabOfPath("content.edges.3.from")).toBe("edges");
  });

  it("lists the messages no input shows", () => {
    expect(messagesUnder(errors, "content.roles.7.expectations")).toEqual([
      'gone: No competency has the key "gone"',
    ]);
  });
});
