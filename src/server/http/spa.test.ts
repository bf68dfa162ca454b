import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import { createDb, type Db } from "#server/db/create-db.ts";

describe("serving the web app", () => {
  const distDir = mkdtempSync(path.join(tmpdir(), "trellis-dist-"));
  let app: FastifyInstance;
  let db: Db;
  beforeAll(async () => {
    mkdirSync(path.join(distDir, "assets"));
    writeFileSync(path.join(distDir, "index.html"), "<!doctype html><title>Trellis</title>");
    writeFileSync(path.join(distDir, "assets", "index-3f2a9c.js"), "console.log(1)");
    writeFileSync(path.join(distDir, "favicon.svg"), "<svg/>");
    const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: distDir });
    db = createDb(config.database);
    app = await buildApp(config, db, { webDistDir: distDir });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    rmSync(distDir, { recursive: true, force: true });
  });

  it("lets browsers keep content-hashed assets for a year", async () => {
    const response = await app.inject({ method: "GET", url: "/assets/index-3f2a9c.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("revalidates index.html and other files on every load", async () => {
    const favicon = await app.inject({ method: "GET", url: "/favicon.svg" });
    expect(favicon.headers["cache-control"]).toBe("no-cache");
    const index = await app.inject({ method: "GET", url: "/index.html" });
    expect(index.headers["cache-control"]).toBe("no-cache");
  });

  it("answers client-side routes with index.html, but not API paths or missing files", async () => {
    for (const url of ["/", "/account", "/people/123?tab=org"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain("<title>Trellis</title>");
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    }
    const api = await app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("not_found");
    const missingAsset = await app.inject({ method: "GET", url: "/assets/gone-123.js" });
    expect(missingAsset.statusCode).toBe(404);
  });
});
