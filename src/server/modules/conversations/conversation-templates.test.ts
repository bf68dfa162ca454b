import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultTemplate } from "#core/conversations/default-template.ts";
import type { ConversationTemplateView } from "#core/conversations/templates.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session, sendJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const topics = [{ key: "goals", title: "Goals", prompt: "What next?" }];

describe("conversation templates and cadence", () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
    );
    member = await createSession(t.ctx, (await createPersonWithoutPassword(t.ctx)).id);
  });
  afterEach(async () => t.close());

  const list = async (session: Session): Promise<ConversationTemplateView[]> =>
    (await getJson(t.app, "/api/conversation-templates", { session })).json().items;

  const create = async (name: string, extra: Record<string, unknown> = {}) => {
    const response = await postJson(
      t.app,
      "/api/conversation-templates",
      { name, description: "", topics, ...extra },
      { session: admin },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ConversationTemplateView;
  };

  const put = (template: ConversationTemplateView, changes: Record<string, unknown>) =>
    sendJson(
      t.app,
      "PUT",
      `/api/conversation-templates/${template.id}`,
      {
        name: template.name,
        description: template.description,
        topics: template.topics,
        baseVersion: template.version,
        ...changes,
      },
      { session: admin },
    );

  it("ships the default agenda, there on the first read", async () => {
    const [shipped, ...others] = await list(member);
    expect(others).toEqual([]);
    expect(shipped).toMatchObject({
      name: defaultTemplate.name,
      isDefault: true,
      archived: false,
      version: 1,
    });
    expect(shipped?.topics.map((topic) => topic.key)).toEqual([
      "aspirations",
      "energy",
      "strengths",
      "skills",
      "target-roles",
      "support",
      "next-steps",
    ]);
  });

  it("inserts one shipped default when the first reads arrive at once", async () => {
    const lists = await Promise.all([list(member), list(admin), list(member)]);
    for (const items of lists) expect(items.filter((item) => item.isDefault)).toHaveLength(1);
    expect(new Set(lists.map((items) => items[0]?.id)).size).toBe(1);
  });

  it("keeps exactly one default: making another the default moves the mark, and the default cannot be archived or unmarked", async () => {
    const [shipped] = await list(admin);
    if (!shipped) throw new Error("no default");
    const added = await create("Quarterly check", { isDefault: true });
    expect(added.isDefault).toBe(true);
    const after = await list(admin);
    expect(after.filter((template) => template.isDefault).map((template) => template.id)).toEqual([
      added.id,
    ]);
    const previous = after.find((template) => template.id === shipped.id);
    expect(previous).toMatchObject({ isDefault: false, version: 2 });

    const archiveDefault = await put(added, { archived: true });
    expect(archiveDefault.statusCode).toBe(400);
    expect(archiveDefault.json().error.fields).toHaveProperty("archived");
    const unmark = await put(added, { isDefault: false });
    expect(unmark.statusCode).toBe(400);
    expect(unmark.json().error.fields).toHaveProperty("isDefault");

    if (!previous) throw new Error("lost the shipped template");
    const back = await put(previous, { isDefault: true });
    expect(back.statusCode, back.body).toBe(200);
    const final = await list(admin);
    expect(final.filter((template) => template.isDefault).map((template) => template.id)).toEqual([
      shipped.id,
    ]);
  });

  it("shows archived templates to admins only, and answers 404 for one to others", async () => {
    const added = await create("Old agenda");
    const archived = await put(added, { archived: true });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, version: 2 });
    expect((await list(member)).map((template) => template.id)).not.toContain(added.id);
    expect((await list(admin)).map((template) => template.id)).toContain(added.id);
    const url = `/api/conversation-templates/${added.id}`;
    expect((await getJson(t.app, url, { session: member })).statusCode).toBe(404);
    expect((await getJson(t.app, url, { session: admin })).statusCode).toBe(200);
  });

  it("answers a stale save with 409 and what is stored now; the first save stays", async () => {
    const added = await create("Agenda");
    const first = await put(added, { name: "First edit" });
    expect(first.statusCode).toBe(200);
    const second = await put(added, { name: "Second edit" });
    expect(second.statusCode).toBe(409);
    expect(second.json().current).toMatchObject({ name: "First edit", version: 2 });
    const stored = await getJson(t.app, `/api/conversation-templates/${added.id}`, {
      session: member,
    });
    expect(stored.json().name).toBe("First edit");
  });

  it("refuses members' writes and bad agendas with field errors", async () => {
    const byMember = await postJson(
      t.app,
      "/api/conversation-templates",
      { name: "Mine", description: "", topics },
      { session: member },
    );
    expect(byMember.statusCode).toBe(403);
    const duplicateKeys = await postJson(
      t.app,
      "/api/conversation-templates",
      { name: "Twice", description: "", topics: [...topics, ...topics] },
      { session: admin },
    );
    expect(duplicateKeys.statusCode).toBe(400);
    expect(duplicateKeys.json().error.fields).toHaveProperty(["topics.1.key"]);
  });

  it("serves the default cadence at version 0, saves an admin's with versions, and 409s a stale one", async () => {
    const shipped = await getJson(t.app, "/api/conversation-settings", { session: member });
    expect(shipped.json()).toEqual({ firstAfterDays: 90, intervalMonths: 6, version: 0 });
    const save = (baseVersion: number, firstAfterDays: number) =>
      sendJson(
        t.app,
        "PUT",
        "/api/conversation-settings",
        { firstAfterDays, intervalMonths: 4, baseVersion },
        { session: admin },
      );
    const first = await save(0, 60);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ firstAfterDays: 60, intervalMonths: 4, version: 1 });
    const stale = await save(0, 30);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toEqual({ firstAfterDays: 60, intervalMonths: 4, version: 1 });
    expect((await save(1, 45)).json().version).toBe(2);
    const byMember = await sendJson(
      t.app,
      "PUT",
      "/api/conversation-settings",
      { firstAfterDays: 90, intervalMonths: 6, baseVersion: 2 },
      { session: member },
    );
    expect(byMember.statusCode).toBe(403);
    const tooOften = await save(2, 1);
    expect(tooOften.statusCode).toBe(400);
    expect(tooOften.json().error.fields).toHaveProperty("firstAfterDays");
  });
});
