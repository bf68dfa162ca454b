import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeSetup } from "#server/testing/factories.ts";
import { getJson, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { demoPassword, generateDemoOrganization } from "./demo-organization.ts";

describe("demo organization generator", () => {
  it("is deterministic for a reference date and spreads hire dates over four years", () => {
    const people = generateDemoOrganization("2026-03-02");
    expect(generateDemoOrganization("2026-03-02")).toEqual(people);
    expect(people.length).toBeGreaterThanOrEqual(55);
    expect(people.length).toBeLessThanOrEqual(65);
    const divisions = new Set(people.map((person) => person.division).filter(Boolean));
    expect([...divisions].sort()).toEqual([
      "Engineering",
      "Marketing",
      "People and Operations",
      "Product",
      "Sales",
    ]);
    const rsoe = people.filter(
      (person) => person.department === "Revenue Strategy, Operations and Enablement",
    );
    expect(rsoe.length).toBeGreaterThanOrEqual(8);
    expect(rsoe.every((person) => person.division === "Sales")).toBe(true);
    const hireDates = people.map((person) => person.hireDate).sort();
    expect(hireDates[0]?.localeCompare("2022-03-02")).toBeGreaterThanOrEqual(0);
    expect(hireDates.at(-1)?.localeCompare("2026-03-02")).toBe(-1);
    const years = new Set(hireDates.map((date) => date.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(4);
  });
});

describe("first run with the demo organization", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("loads the demo company with the first admin, signs in with the documented credentials", async () => {
    await completeSetup(t, { loadDemo: true });
    const people = await t.ctx.db.selectFrom("people").select(["email", "role"]).execute();
    expect(people).toHaveLength(61);

    const admin = await signInAs(t.app, "hannah.okafor@northwind.example", demoPassword);
    expect((await getJson(t.app, "/api/audit-events", { session: admin })).statusCode).toBe(200);
    const member = await signInAs(t.app, "sofia.nowak@northwind.example", demoPassword);
    const directory = await getJson(
      t.app,
      "/api/people?department=Revenue%20Strategy%2C%20Operations%20and%20Enablement&limit=100",
      {
        session: member,
      },
    );
    expect(directory.json().total).toBeGreaterThanOrEqual(8);
    const ceo = directory
      .json()
      .people.find((p: { email: string }) => p.email === "priya.raman@northwind.example");
    const chart = await getJson(t.app, `/api/people/${ceo.id}/org`, { session: member });
    expect(
      chart.json().managerChain.map((node: { displayName: string }) => node.displayName),
    ).toEqual(["Grace Mensah", "Jordan Reyes"]);
  });

  it("refuses to load the demo twice", async () => {
    const { loadDemoOrganization } = await import("./demo.service.ts");
    await loadDemoOrganization(t.ctx);
    await expect(loadDemoOrganization(t.ctx)).rejects.toThrow(
      "The demo organization is already loaded.",
    );
  });
});
