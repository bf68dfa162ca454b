import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SearchResult } from "#core/learning/resources.schemas.ts";
import type { PathwayTemplateDetail } from "#core/pathway/pathway-api.schemas.ts";
import {
  completeSetup,
  createPersonWithoutPassword,
  createSession,
} from "#server/testing/factories.ts";
import { getJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

describe("pathway items pointing to the learning directory", () => {
  let t: TestApp;
  let admin: Session;

  beforeEach(async () => {
    t = await createTestApp();
    await completeSetup(t);
    admin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
    );
  });
  afterEach(async () => t.close());

  const shippedTemplate = async (): Promise<PathwayTemplateDetail> => {
    const list = await getJson(t.app, "/api/pathway-templates", { session: admin });
    const id = list.json().templates[0].id as string;
    return (await getJson(t.app, `/api/pathway-templates/${id}`, { session: admin })).json();
  };

  it("links the shipped pathway's items to the shipped sample directory at setup", async () => {
    const template = await shippedTemplate();
    const items = template.stages.flatMap((stage) => stage.items);
    const directory: SearchResult = (
      await getJson(t.app, "/api/learning/resources?pageSize=50", { session: admin })
    ).json();
    const titleOf = new Map(directory.items.map((item) => [item.id, item.title]));
    const crucial = items.find((item) => item.description.includes("Crucial Conversations"));
    expect(titleOf.get(crucial?.resourceId ?? "")).toBe("Crucial Conversations");
    const mentee = items.find((item) => item.description.includes("Apply as a mentee"));
    expect(titleOf.get(mentee?.resourceId ?? "")).toBe("Company-wide mentorship program");
    const shadow = items.find((item) => item.description.includes("CEO Shadow"));
    expect(titleOf.get(shadow?.resourceId ?? "")).toBe("CEO shadow program");
    expect(items.filter((item) => item.resourceId !== null).length).toBeGreaterThan(10);
  });

  it("lets the template editor set and clear an item's resource, refusing unknown ones", async () => {
    const template = await shippedTemplate();
    const item = template.stages.flatMap((stage) => stage.items)[0];
    if (!item) throw new Error("The shipped template has no items");
    const directory: SearchResult = (
      await getJson(t.app, "/api/learning/resources?q=negotiation", { session: admin })
    ).json();
    const resourceId = directory.items[0]?.id;
    const url = `/api/pathway-templates/${template.id}/items/${item.id}`;
    const set = await sendJson(t.app, "PATCH", url, { resourceId }, { session: admin });
    expect(set.statusCode, set.body).toBe(200);
    const saved = (set.json() as PathwayTemplateDetail).stages
      .flatMap((stage) => stage.items)
      .find((candidate) => candidate.id === item.id);
    expect(saved?.resourceId).toBe(resourceId);
    const unknown = await sendJson(
      t.app,
      "PATCH",
      url,
      { resourceId: "0190d4c4-0000-7000-8000-000000000000" },
      { session: admin },
    );
    expect(unknown.statusCode).toBe(400);
    const cleared = await sendJson(t.app, "PATCH", url, { resourceId: null }, { session: admin });
    const after = (cleared.json() as PathwayTemplateDetail).stages
      .flatMap((stage) => stage.items)
      .find((candidate) => candidate.id === item.id);
    expect(after?.resourceId).toBeNull();
  });
});
