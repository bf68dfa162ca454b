import type { CaseContext, Expected, Scenario } from "#server/testing/authorization-matrix.ts";
import { createTestConversation } from "./conversations.testing.ts";

/**
 * The authorization matrix rows of the conversation export. The subject is the member; the
 * conversation is with `manager` (their manager now) or with `formerManager` (the manager
 * changed); `mentor` is a guest, who reads the shared notes but exports nothing (403).
 */

const nobodyElse: Expected = {
  anonymous: 401,
  self: 200,
  member: 404,
  manager: 404,
  skipLevel: 404,
  peer: 404,
  formerManager: 404,
  mentor: 404,
  admin: 404,
  deactivated: 401,
};

const exportUrl = async (
  { t, fixture, subjectId }: CaseContext,
  input: { status: "scheduled" | "held"; withFormerManager?: boolean },
) => {
  const conversation = await createTestConversation(t.ctx, {
    memberId: subjectId,
    managerId: input.withFormerManager ? fixture.formerManager.id : fixture.manager.id,
    status: input.status,
    guests: [fixture.mentor.id],
  });
  return { url: `/api/conversations/${conversation.id}/export?format=markdown` };
};

export const conversationExportScenarios: Scenario[] = [
  {
    route: "GET /api/conversations/:id/export",
    description: "an upcoming conversation with the subject's manager, the mentor a guest",
    call: (context) => exportUrl(context, { status: "scheduled" }),
    expect: { ...nobodyElse, manager: 200, mentor: 403 },
  },
  {
    route: "GET /api/conversations/:id/export",
    description: "a held conversation with the former manager",
    call: (context) => exportUrl(context, { status: "held", withFormerManager: true }),
    expect: { ...nobodyElse, formerManager: 200, mentor: 403 },
  },
  {
    route: "GET /api/conversations/:id/export",
    description: "an upcoming conversation with the former manager",
    call: (context) => exportUrl(context, { status: "scheduled", withFormerManager: true }),
    expect: { ...nobodyElse, mentor: 403 },
  },
];
