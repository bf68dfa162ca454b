import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeSetup } from "#server/testing/factories.ts";
import { getJson, signInAs } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { demoPassword } from "./demo-organization.ts";
import { handbookCompany, speakOfTheDemo } from "./demo-pathway-text.ts";

/** Everything of a value but its addresses and attribution, which name the handbook by right. */
function shownText(value: unknown): string {
  return JSON.stringify(value, (key, inner) =>
    key === "attribution" || key === "url" || key === "sourceUrl" ? undefined : inner,
  ).replace(/\]\([^)]*\)|https?:\/\/[^\s)"\]]+/g, "");
}

describe("speakOfTheDemo", () => {
  it("names the demo company in text and leaves addresses alone", () => {
    expect(
      speakOfTheDemo(
        "Complete the [GitLab Team Member Certification](https://gitlab.example/GitLab-cert) at GitLab",
      ),
    ).toBe(
      "Complete the [Northwind Team Member Certification](https://gitlab.example/GitLab-cert) at Northwind",
    );
  });
});

describe("the demo company's own content", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("does not name the handbook's company outside the attribution", async () => {
    await completeSetup(t, { loadDemo: true });
    const member = await signInAs(t.app, "sofia.nowak@northwind.example", demoPassword);
    const pathway = await getJson(t.app, "/api/pathway/me", { session: member });
    expect(pathway.statusCode, pathway.body).toBe(200);
    expect(pathway.body).toContain(handbookCompany);
    expect(shownText(pathway.json())).not.toContain(handbookCompany);
    expect(shownText(pathway.json())).toContain("Northwind");

    const admin = await signInAs(t.app, "hannah.okafor@northwind.example", demoPassword);
    const templates = await getJson(t.app, "/api/pathway-templates", { session: admin });
    const fallback = templates
      .json()
      .templates.find((row: { isDefault: boolean }) => row.isDefault);
    expect(fallback.attribution.text).toContain(handbookCompany);
    expect(shownText(fallback)).not.toContain(handbookCompany);
    const detail = await getJson(t.app, `/api/pathway-templates/${fallback.id}`, {
      session: admin,
    });
    expect(shownText(detail.json())).not.toContain(handbookCompany);

    // What the demo writes itself: plans, progress notes, own items, roles, assessments.
    for (const table of [
      "growth_plans",
      "growth_plan_sections",
      "growth_plan_goals",
      "growth_plan_comments",
      "energy_entries",
      "pathway_progress",
      "pathway_custom_items",
      "career_assessments",
      "career_positions",
    ] as const) {
      const rows = await t.ctx.db.selectFrom(table).selectAll().execute();
      expect(shownText(rows), table).not.toContain(handbookCompany);
    }
  });
});
