import type { LiveSessionView } from "#core/live-learning.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import { createPersonWithoutPassword } from "#server/testing/factories.ts";
import { createLiveSession } from "./live-sessions.service.ts";

export const testMeta = { requestId: "test", address: "127.0.0.1", userAgent: null };

export const actorOf = (personId: string, role: Actor["role"] = "member"): Actor => ({
  personId,
  role,
  sessionId: "test",
});

export type TestSessionOverrides = Partial<{
  hostId: string;
  adminId: string;
  title: string;
  capacity: number;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  groupConversation: boolean;
  division: string | null;
  onlineUrl: string | null;
}>;

/**
 * A scheduled session planned by an administrator (made when not given). The test clock starts on
 * 2026-03-02 09:00 UTC; the default session is on 2026-03-10 at 10:00–11:00 in Paris.
 */
export async function createTestSession(
  ctx: AppContext,
  overrides: TestSessionOverrides = {},
): Promise<LiveSessionView> {
  const adminId =
    overrides.adminId ?? (await createPersonWithoutPassword(ctx, { role: "admin" })).id;
  const hostId = overrides.hostId ?? (await createPersonWithoutPassword(ctx)).id;
  return createLiveSession(
    ctx,
    actorOf(adminId, "admin"),
    {
      title: overrides.title ?? "Giving feedback that lands",
      description: "A **live** session with exercises.",
      hostId,
      startsAt: overrides.startsAt ?? "2026-03-10T10:00",
      endsAt: overrides.endsAt ?? "2026-03-10T11:00",
      timeZone: overrides.timeZone ?? "Europe/Paris",
      capacity: overrides.capacity ?? 10,
      onlineUrl:
        overrides.onlineUrl === undefined ? "https://meet.example/feedback" : overrides.onlineUrl,
      place: null,
      groupConversation: overrides.groupConversation ?? false,
      division: overrides.division ?? null,
    },
    testMeta,
  );
}
