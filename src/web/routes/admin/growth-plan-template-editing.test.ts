import { describe, expect, it } from "vitest";
import { defaultTemplates, standardSchedule } from "#core/growth-plan/growth-plan-defaults.ts";
import { TemplateBody, type TemplateView } from "#core/growth-plan/templates.schemas.ts";
import {
  archivedTemplateBody,
  blankGoal,
  blankResource,
  copiedTemplateFormValues,
  createTemplateFormSchema,
  editTemplateFormSchema,
  shippedTemplateFormValues,
  slugOf,
  suggestedTemplateId,
  templateBody,
  templateContentSummary,
  templateFormValues,
} from "./growth-plan-template-editing.ts";

const shipped = defaultTemplates[1] as (typeof defaultTemplates)[number];
const aspiringManager: TemplateView = {
  ...structuredClone(shipped),
  builtIn: true,
  archived: false,
  updatedAt: null,
  version: 0,
};

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join("."));
}

describe("templateFormValues and templateBody", () => {
  it("give back the template they were made from", () => {
    const body = TemplateBody.parse(templateBody(templateFormValues(aspiringManager)));
    expect(body).toEqual({
      name: aspiringManager.name,
      description: aspiringManager.description,
      archived: false,
      content: aspiringManager.content,
    });
  });

  it("start a new template blank, with the standard check-in rhythm", () => {
    const values = templateFormValues();
    expect(values.name).toBe("");
    expect(values.content.goals).toEqual([]);
    expect(templateBody(values).content.schedule).toEqual(standardSchedule);
    expect(templateBody(values).content.role.trajectory).toBeNull();
  });

  it("send an empty web address as null and leave out the list keys", () => {
    const values = templateFormValues();
    values.content.resources.push({ ...blankResource(), title: "Book", url: "  " });
    values.content.goals.push({ ...blankGoal(), skill: "Delegation" });
    const body = templateBody(values);
    expect(body.content.resources).toEqual([{ title: "Book", url: null, note: "" }]);
    expect(body.content.goals[0]).not.toHaveProperty("key");
  });
});

describe("the form schemas", () => {
  it("name each problem by the path of its input, as the server does", () => {
    const values = templateFormValues();
    values.content.goals.push({ ...blankGoal(), actionSteps: ["Read", " "] });
    values.content.resources.push({ ...blankResource(), title: "Site", url: "ftp://example.com" });
    const result = editTemplateFormSchema.safeParse(values);
    expect(errorsOf(result)).toEqual(
      expect.arrayContaining([
        "name",
        "content.goals.0.skill",
        "content.goals.0.actionSteps.1",
        "content.resources.0.url",
      ]),
    );
  });

  it("ask a new template for an id the API accepts, and not the address of the new page", () => {
    const values = { ...templateFormValues(), name: "Staff engineer" };
    expect(errorsOf(createTemplateFormSchema.safeParse({ ...values, id: "Staff!" }))).toEqual([
      "id",
    ]);
    expect(errorsOf(createTemplateFormSchema.safeParse({ ...values, id: "new" }))).toEqual(["id"]);
    const body = createTemplateFormSchema.parse({ ...values, id: " staff-engineer " });
    expect(body.id).toBe("staff-engineer");
  });

  it("leave the id out of an edit", () => {
    const body = editTemplateFormSchema.parse({ ...templateFormValues(aspiringManager), id: "x" });
    expect(body).not.toHaveProperty("id");
  });
});

it("copies a template under a new name and id, not archived", () => {
  const values = copiedTemplateFormValues({ ...aspiringManager, archived: true });
  expect(values.name).toBe("Aspiring manager (IC to manager) (copy)");
  expect(values.id).toBe("aspiring-manager-ic-to-manager-copy");
  expect(values.archived).toBe(false);
  expect(values.content.goals.length).toBe(aspiringManager.content.goals.length);
});

it("fills a shipped template's form with what Trellis ships, and has nothing for an added one", () => {
  const values = shippedTemplateFormValues({ id: shipped.id, archived: true });
  expect(values && templateBody(values)).toEqual({
    name: shipped.name,
    description: shipped.description,
    archived: true,
    content: shipped.content,
  });
  expect(shippedTemplateFormValues({ id: "sales-to-solutions", archived: false })).toBeNull();
});

it("archives or restores a template without changing the rest, from the listed version", () => {
  expect(archivedTemplateBody({ ...aspiringManager, version: 3 }, true)).toEqual({
    name: aspiringManager.name,
    description: aspiringManager.description,
    archived: true,
    content: aspiringManager.content,
    baseVersion: 3,
  });
});

describe("slugOf", () => {
  it("makes lower-case words joined by dashes", () => {
    expect(slugOf("Staff engineer: next steps", 64)).toBe("staff-engineer-next-steps");
    expect(slugOf("  Équipe & Café!  ", 64)).toBe("equipe-cafe");
  });

  it("keeps within the length without a trailing dash", () => {
    expect(slugOf("abc def", 4)).toBe("abc");
    expect(suggestedTemplateId("x".repeat(80))).toHaveLength(64);
    expect(suggestedTemplateId("!!!")).toBe("");
  });
});

it("sums up what a template adds to a plan", () => {
  const blank = TemplateBody.parse(templateBody({ ...templateFormValues(), name: "Blank" }));
  expect(templateContentSummary(blank.content)).toBe("0 goals · 0 resources · 3 check-in rhythms");
  expect(
    templateContentSummary({
      ...aspiringManager.content,
      goals: aspiringManager.content.goals.slice(0, 1),
      resources: [],
      schedule: aspiringManager.content.schedule.slice(0, 1),
    }),
  ).toBe("1 goal · 0 resources · 1 check-in rhythm");
});
