import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import { createDb, type Db } from "#server/db/create-db.ts";

const indexHtml = "<!doctype html><title>Trellis</title>";
const appScript = `export const greeting = ${JSON.stringify("hello ".repeat(200))};`;

describe("serving the web app", () => {
  const distDir = mkdtempSync(path.join(tmpdir(), "trellis-dist-"));
  let app: FastifyInstance;
  let db: Db;
  beforeAll(async () => {
    mkdirSync(path.join(distDir, "assets"));
    writeFileSync(path.join(distDir, "index.html"), indexHtml);
    writeFileSync(path.join(distDir, "assets", "index-3f2a9c.js"), "console.log(1)");
    // What the build writes beside each text file (scripts/build/precompress.ts).
    for (const [file, content] of [
      ["index.html", indexHtml],
      ["assets/app-7b1c2d.js", appScript],
    ] as const) {
      writeFileSync(path.join(distDir, file), content);
      writeFileSync(path.join(distDir, `${file}.br`), brotliCompressSync(content));
      writeFileSync(path.join(distDir, `${file}.gz`), gzipSync(content));
    }
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

  describe("precompressed files", () => {
    const get = (url: string, acceptEncoding?: string) =>
      app.inject({
        method: "GET",
        url,
        headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
      });

    it("sends the brotli variant to a browser that accepts it, with its encoding", async () => {
      const response = await get("/assets/app-7b1c2d.js", "gzip, deflate, br, zstd");
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-encoding"]).toBe("br");
      expect(response.headers["content-type"]).toMatch(/javascript/);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(brotliDecompressSync(response.rawPayload).toString()).toBe(appScript);
    });

    it("sends the gzip variant to a browser that accepts only gzip", async () => {
      const response = await get("/assets/app-7b1c2d.js", "gzip");
      expect(response.headers["content-encoding"]).toBe("gzip");
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(gunzipSync(response.rawPayload).toString()).toBe(appScript);
    });

    it("sends the file itself without an Accept-Encoding, still varying on it", async () => {
      for (const acceptEncoding of [undefined, "identity"]) {
        const response = await get("/assets/app-7b1c2d.js", acceptEncoding);
        expect(response.statusCode).toBe(200);
        expect(response.headers["content-encoding"], acceptEncoding).toBeUndefined();
        expect(response.headers.vary, acceptEncoding).toMatch(/accept-encoding/i);
        expect(response.body).toBe(appScript);
      }
    });

    it("sends a file the build did not compress as it is", async () => {
      const response = await get("/assets/index-3f2a9c.js", "br, gzip");
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-encoding"]).toBeUndefined();
      expect(response.body).toBe("console.log(1)");
    });

    it("compresses index.html too, for pages and for the file, and revalidates it", async () => {
      for (const url of ["/", "/growth-plans/123", "/index.html"]) {
        const response = await get(url, "gzip, br");
        expect(response.headers["content-encoding"], url).toBe("br");
        expect(response.headers["content-type"], url).toMatch(/^text\/html/);
        expect(response.headers.vary, url).toMatch(/accept-encoding/i);
        expect(response.headers["cache-control"], url).toBe("no-cache");
        expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(indexHtml);
      }
      const gzip = await get("/people", "gzip");
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gzip.rawPayload).toString()).toBe(indexHtml);
      const plain = await get("/people");
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body).toBe(indexHtml);
    });
  });
});
