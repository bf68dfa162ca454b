import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { tenureQuarterDates } from "#core/pathway/tenure.ts";
import { completeSetup } from "#server/testing/factories.ts";
import { getJson, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { demoPassword } from "./demo-organization.ts";
import { type DemoPathwayStage, generateDemoPathwayProgress } from "./demo-pathway.ts";

const stages: DemoPathwayStage[] = [1, 2, 3, 4].flatMap((quarter) => ({
  key: { kind: "quarter" as const, year: 1, quarter },
  items: [0, 1, 2, 3, 4, 5].map((index) => ({ id: `q${quarter}-${index}`, links: [] })),
}));

const people = Array.from({ length: 40 }, (_, index) => ({
  id: `p${index}`,
  email: `person${index}@northwind.example`,
  hireDate: "2025-10-02",
  timeZone: "Europe/Berlin",
}));

const now = new Date("2026-03-02T09:00:00.000Z");

describe("demo pathway progress", () => {
  it("is deterministic and fits each member's tenure: past quarters mostly done, nothing ahead", () => {
    const first = generateDemoPathwayProgress(people, stages, now);
    const second = generateDemoPathwayProgress(people, stages, now);
    expect(second.progress).toEqual(first.progress);
    expect(second.customItems.map(({ id: _id, ...item }) => item)).toEqual(
      first.customItems.map(({ id: _id, ...item }) => item),
    );

    const q1 = tenureQuarterDates("2025-10-02", 1, 1);
    const byStage = (prefix: string) =>
      first.progress.filter((row) => row.item_id.startsWith(prefix));
    const pastDone = byStage("q1-").filter((row) => row.status === "done");
    expect(pastDone.length / (people.length * 6)).toBeGreaterThan(0.55);
    expect(
      pastDone.every((row) => row.done_on && row.done_on >= q1.start && row.done_on <= q1.end),
    ).toBe(true);
    expect(byStage("q1-").some((row) => row.status === "hidden" && row.hidden_reason)).toBe(true);
    const currentDone = byStage("q2-").filter((row) => row.status === "done");
    expect(currentDone.length).toBeGreaterThan(0);
    expect(currentDone.every((row) => (row.done_on ?? "") <= "2026-03-02")).toBe(true);
    expect(byStage("q3-")).toEqual([]);
    expect(byStage("q4-")).toEqual([]);
    expect(first.customItems.every((item) => item.stage_key_id === "y1q2")).toBe(true);
  });

  it("gives nobody progress before their hire date", () => {
    const newcomer = [
      { ...people[0], id: "new", email: "new@northwind.example", hireDate: "2026-04-01" },
    ];
    expect(generateDemoPathwayProgress(newcomer as typeof people, stages, now)).toEqual({
      progress: [],
      customItems: [],
    });
  });
});

describe("demo organization with the shipped pathway", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("loads realistic progress that members and their managers see", async () => {
    await completeSetup(t, { loadDemo: true });
    const rows = await t.ctx.db.selectFrom("pathway_progress").select("person_id").execute();
    expect(new Set(rows.map((row) => row.person_id)).size).toBeGreaterThan(40);

    const member = await signInAs(t.app, "sofia.nowak@northwind.example", demoPassword);
    const view = (
      await getJson(t.app, "/api/pathway/me", { session: member })
    ).json() as PathwayView;
    expect(view.tenure.status).toBe("active");
    const marks = view.stages.flatMap((stage) =>
      stage.items.filter((item) => item.progress).map((item) => ({ stage, item })),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every(({ stage }) => stage.status !== "upcoming")).toBe(true);
    expect(marks.every(({ item }) => (item.progress?.doneOn ?? "") <= view.today)).toBe(true);

    const manager = await signInAs(t.app, "marcus.lee@northwind.example", demoPassword);
    const seen = await getJson(t.app, `/api/people/${view.person.id}/pathway`, {
      session: manager,
    });
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as PathwayView).summary).toEqual(view.summary);
  });
});
