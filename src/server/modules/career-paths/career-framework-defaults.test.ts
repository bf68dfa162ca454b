import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeSetup, createPerson, createSession } from "#server/testing/factories.ts";
import { getJson } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";
import { countFrameworks } from "./career-framework-defaults.queries.ts";
import {
  installSampleFramework,
  readSampleFramework,
  sampleFrameworkId,
} from "./career-framework-defaults.ts";
import { readFrameworkFile } from "./career-framework-interchange.ts";
import { findFrameworkRow, findLatestVersionRow } from "./career-frameworks.queries.ts";

describe("the sample career framework", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t.close());

  it("is installed at setup as a published sample, once", async () => {
    await completeSetup(t);
    const framework = await findFrameworkRow(t.ctx.db, sampleFrameworkId);
    expect(framework?.is_sample).toBe(true);
    const version = await findLatestVersionRow(t.ctx.db, sampleFrameworkId);
    expect(version?.number).toBe(1);
    expect(version?.content).toEqual(readSampleFramework().content);
    expect(framework?.draft_content).toEqual(version?.content);
    expect(await installSampleFramework(t.ctx.db, t.ctx)).toBe(false);
    expect(await countFrameworks(t.ctx.db)).toBe(1);

    // Members can export it, and the export reads back to the same framework.
    const member = await createSession(t.ctx, (await createPerson(t.ctx)).id);
    const response = await getJson(
      t.app,
      `/api/career-frameworks/${sampleFrameworkId}/export?format=yaml`,
      { session: member },
    );
    expect(response.statusCode).toBe(200);
    expect(readFrameworkFile("yaml", response.body, null)).toEqual({
      content: version?.content,
      warnings: [],
    });
  });
});
