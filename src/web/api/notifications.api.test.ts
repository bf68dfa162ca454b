import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { unreadCountQuery } from "./notifications.api.ts";

/** The badge's poll: the ETag it holds goes out, and a 304 keeps what it had. */
describe("the unread count poll", () => {
  afterEach(() => vi.unstubAllGlobals());

  const answers = (...responses: (() => Response)[]) => {
    const sent: Headers[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_path: string, init: RequestInit) => {
        sent.push(new Headers(init.headers));
        const next = responses.shift();
        if (!next) throw new Error("No more answers");
        return next();
      }),
    );
    return sent;
  };
  const counted = (unreadCount: number, latestId: string | null, etag: string) => () =>
    new Response(JSON.stringify({ unreadCount, latestId }), {
      status: 200,
      headers: { "content-type": "application/json", etag },
    });
  const unchanged = () => new Response(null, { status: 304 });

  it("sends the held ETag and keeps the previous count on 304", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const id = "0190a000-0000-7000-8000-000000000001";
    const sent = answers(counted(1, id, 'W/"1-a"'), unchanged, counted(2, "b", 'W/"2-b"'));

    const first = await client.fetchQuery({ ...unreadCountQuery, staleTime: 0 });
    expect(first).toEqual({ unreadCount: 1, latestId: id, etag: 'W/"1-a"' });
    expect(sent[0]?.get("if-none-match")).toBeNull();

    const second = await client.fetchQuery({ ...unreadCountQuery, staleTime: 0 });
    expect(sent[1]?.get("if-none-match")).toBe('W/"1-a"');
    expect(second).toBe(first);

    const third = await client.fetchQuery({ ...unreadCountQuery, staleTime: 0 });
    expect(sent[2]?.get("if-none-match")).toBe('W/"1-a"');
    expect(third).toEqual({ unreadCount: 2, latestId: "b", etag: 'W/"2-b"' });
  });
});
