import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("serves the embedded database from ./data on port 3000 by default", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({
      kind: "sqlite",
      file: expect.stringMatching(/data\/trellis\.db$/),
    });
    expect(config.publicUrl.origin).toBe("http://localhost:3000");
    expect(config.session.secureCookie).toBe(false);
  });

  it("uses PostgreSQL when DATABASE_URL is a postgres URL", () => {
    const url = "postgres://trellis:secret@db.internal:5432/trellis";
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: "postgres", url });
  });

  it("makes the session cookie Secure when served over HTTPS", () => {
    expect(loadConfig({ PUBLIC_URL: "https://grow.example.com" }).session.secureCookie).toBe(true);
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/trellis"],
    ["PUBLIC_URL", "ftp://example.com"],
    ["SESSION_IDLE_TIMEOUT_MINUTES", "-5"],
    ["LOG_LEVEL", "loud"],
    ["TRUST_PROXY", "yes"],
  ])("stops with a message naming %s when it is %j", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(
      new RegExp(`^Invalid configuration:\\n  ${name}:`),
    );
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(3000);
  });
});
