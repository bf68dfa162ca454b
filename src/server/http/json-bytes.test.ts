import { gunzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { cachedJson, sendCachedJson, toJsonBytes, withFields } from "./json-bytes.ts";

const Shape = z.object({ roles: z.array(z.string()), myRoleKey: z.string().nullable() });
const apps: ReturnType<typeof Fastify>[] = [];

function appSending(bytes: Buffer, check: boolean) {
  const app = Fastify();
  apps.push(app);
  app.get("/map", async (_request, reply) =>
    sendCachedJson(reply, cachedJson(bytes), Shape, check),
  );
  return app;
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe("answers sent as cached JSON bytes", () => {
  it("adds per-request fields to a cached object", () => {
    const head = toJsonBytes({ roles: ["a", "b"] });
    expect(JSON.parse(withFields(head, { myRoleKey: "a" }).toString())).toEqual({
      roles: ["a", "b"],
      myRoleKey: "a",
    });
    expect(JSON.parse(withFields(toJsonBytes({}), { myRoleKey: null }).toString())).toEqual({
      myRoleKey: null,
    });
    expect(withFields(head, {})).toBe(head);
  });

  it("keeps text beyond ASCII as UTF-8", () => {
    const head = toJsonBytes({ roles: ["Ingénieure", "エンジニア"] });
    expect(JSON.parse(withFields(head, { myRoleKey: "エ" }).toString("utf8"))).toEqual({
      roles: ["Ingénieure", "エンジニア"],
      myRoleKey: "エ",
    });
  });

  it("sends the bytes as JSON, unchanged", async () => {
    const bytes = withFields(toJsonBytes({ roles: ["é"] }), { myRoleKey: null });
    const response = await appSending(bytes, true).inject({ method: "GET", url: "/map" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(response.headers.vary).toBe("accept-encoding");
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.rawPayload.equals(bytes)).toBe(true);
  });

  it("sends the gzip encoding to a client that accepts it, and only then", async () => {
    const bytes = withFields(toJsonBytes({ roles: ["a".repeat(500)] }), { myRoleKey: null });
    const app = appSending(bytes, true);
    const get = (acceptEncoding: string) =>
      app.inject({ method: "GET", url: "/map", headers: { "accept-encoding": acceptEncoding } });
    const zipped = await get("gzip, deflate, br, zstd");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.rawPayload.length).toBeLessThan(bytes.length);
    expect(gunzipSync(zipped.rawPayload).equals(bytes)).toBe(true);
    for (const refused of ["gzip;q=0", "br", "identity"]) {
      const plain = await get(refused);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.rawPayload.equals(bytes)).toBe(true);
    }
  });

  it("when checking, refuses bytes that do not match the route's schema", async () => {
    const leaking = toJsonBytes({ roles: [], myRoleKey: null, privateNote: "x" });
    const missing = toJsonBytes({ roles: [] });
    for (const bytes of [leaking, missing]) {
      const response = await appSending(bytes, true).inject({ method: "GET", url: "/map" });
      expect(response.statusCode).toBe(500);
    }
    const unchecked = await appSending(missing, false).inject({ method: "GET", url: "/map" });
    expect(unchecked.statusCode).toBe(200);
  });
});
