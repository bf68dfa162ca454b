import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleFrameworkId } from "#server/modules/career-paths/career-framework-defaults.ts";
import { findPositionRow } from "#server/modules/career-paths/career-positions.queries.ts";
import { findPersonByEmail } from "#server/modules/people/people.queries.ts";
import { completeSetup } from "#server/testing/factories.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { matchDemoRoles } from "./demo-career.ts";

describe("demo career roles", () => {
  const roles = [
    { key: "analyst", title: "Data Analyst", department: "Data" },
    { key: "revenue-analyst", title: "Data Analyst", department: "Revenue" },
    { key: "manager", title: "Sales Operations Manager", department: "Revenue" },
  ];

  it("matches job titles to roles, preferring the person's department", () => {
    const person = (id: string, jobTitle: string | null, department: string | null) => ({
      id,
      email: `${id}@northwind.example`,
      jobTitle,
      department,
    });
    expect(
      matchDemoRoles(
        [
          person("a", "Data Analyst", "Revenue"),
          person("b", " sales operations manager ", "Somewhere else"),
          person("c", "Software Engineer", "Platform"),
          person("d", null, null),
          person("e", "Data Analyst", "Finance"),
        ],
        roles,
      ),
    ).toEqual([
      { personId: "a", roleKey: "revenue-analyst" },
      { personId: "b", roleKey: "manager" },
      { personId: "e", roleKey: "analyst" },
    ]);
  });
});

describe("the demo organization in the sample framework", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  const roleOf = async (email: string) => {
    const person = await findPersonByEmail(t.ctx.db, email);
    const position = person && (await findPositionRow(t.ctx.db, person.id));
    return position ? [position.framework_id, position.role_key] : null;
  };

  it("gives the RSOE team and its neighbours their current roles, and others none", async () => {
    await completeSetup(t, { loadDemo: true });
    expect(await roleOf("sofia.nowak@northwind.example")).toEqual([
      sampleFrameworkId,
      "senior-sales-operations-analyst",
    ]);
    expect(await roleOf("amara.nwosu@northwind.example")).toEqual([
      sampleFrameworkId,
      "deal-desk-specialist",
    ]);
    expect(await roleOf("julia.santos@northwind.example")).toEqual([
      sampleFrameworkId,
      "sales-enablement-manager",
    ]);
    expect(await roleOf("isabel.garcia@northwind.example")).toEqual([
      sampleFrameworkId,
      "analytics-engineer",
    ]);
    expect(await roleOf("ngozi.eze@northwind.example")).toBeNull();
  });
});
