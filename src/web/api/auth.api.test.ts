import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error.ts";
import { fetchSessionOrNull } from "./auth.api.ts";

/** The session probe: a session, nobody (204), or an error that is one. */
describe("asking who is signed in", () => {
  afterEach(() => vi.unstubAllGlobals());

  const answer = (response: Response) =>
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => response),
    );
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  it("gives the session when someone is signed in", async () => {
    const session = {
      user: {
        id: "p1",
        email: "ada@example.com",
        name: "Ada",
        role: "member",
        managesPeople: false,
      },
      session: {
        createdAt: "2027-05-30T08:00:00.000Z",
        idleExpiresAt: "2027-05-30T08:30:00.000Z",
        absoluteExpiresAt: "2027-06-13T08:00:00.000Z",
      },
    };
    answer(json(session));
    await expect(fetchSessionOrNull()).resolves.toEqual(session);
  });

  it("gives null for the 204 that means nobody is signed in", async () => {
    answer(new Response(null, { status: 204 }));
    await expect(fetchSessionOrNull()).resolves.toBeNull();
  });

  it("still fails on an error answer", async () => {
    answer(json({ error: { code: "internal", message: "Something went wrong." } }, 500));
    await expect(fetchSessionOrNull()).rejects.toBeInstanceOf(ApiError);
  });

  it("refuses a 200 that is not a session", async () => {
    answer(json({ signedIn: false }));
    await expect(fetchSessionOrNull()).rejects.toMatchObject({ code: "unexpected_response" });
  });
});
