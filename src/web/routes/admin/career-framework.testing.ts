import type { FrameworkContent } from "#core/career/framework.schemas.ts";

/** A small valid framework: one theme, competency, family and role. */
export function sampleContent(): FrameworkContent {
  return {
    name: "Data",
    description: "",
    scale: [
      { value: 1, label: "Learning" },
      { value: 2, label: "Developing" },
      { value: 3, label: "Proficient" },
    ],
    gapRule: { prefer: ["manager", "self"], discussAt: 2 },
    themes: [{ key: "craft", name: "Craft", description: "", caseId: null }],
    competencies: [
      {
        key: "forecasting",
        themeKey: "craft",
        name: "Forecasting",
        description: "",
        descriptors: ["a", "b", "c"],
        caseId: null,
      },
    ],
    families: [
      {
        key: "analytics",
        name: "Analytics",
        department: "Data",
        description: "",
        handbookUrl: null,
      },
    ],
    roles: [
      {
        key: "analyst",
        familyKey: "analytics",
        title: "Analyst",
        level: 1,
        levelName: "",
        track: "ic",
        department: "Data",
        summary: "",
        responsibilities: "",
        requirements: "",
        url: null,
        expectations: { forecasting: 2 },
      },
    ],
    edges: [],
    caseDocumentId: null,
  };
}

/** A framework of `roles` roles × `competencies` competencies in two themes, no levels set. */
export function largeContent(roles: number, competencies: number): FrameworkContent {
  const base = sampleContent();
  return {
    ...base,
    themes: [
      { key: "craft", name: "Craft", description: "", caseId: null },
      { key: "people", name: "People", description: "", caseId: null },
    ],
    competencies: Array.from({ length: competencies }, (_, index) => ({
      key: `c${index + 1}`,
      themeKey: index < competencies / 2 ? "craft" : "people",
      name: `Competency ${index + 1}`,
      description: "",
      descriptors: [],
      caseId: null,
    })),
    roles: Array.from({ length: roles }, (_, index) => ({
      ...nth(base.roles),
      key: `r${index + 1}`,
      title: `Role ${index + 1}`,
      expectations: {},
    })),
  };
}

/** The entry at `index`, which the test knows is there. */
export function nth<Item>(items: readonly Item[], index = 0): Item {
  const item = items[index];
  if (item === undefined) throw new Error(`No entry at ${index}`);
  return item;
}
