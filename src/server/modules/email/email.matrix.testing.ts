import { anyone, type CaseContext, type Scenario } from "#server/testing/authorization-matrix.ts";
import { unsubscribeToken } from "./email-links.ts";

/**
 * The authorization matrix rows of the unsubscribe link: the signed token is the credential, so
 * every caller, signed in or not, gets the same answer, and a forged token answers 404.
 */

const link = async ({ t, fixture }: CaseContext) => ({
  url: `/api/email/unsubscribe?token=${await unsubscribeToken(t.ctx.db, fixture.member.id, "plan_comment")}`,
  body: {},
});

const forged = async ({ t, fixture }: CaseContext) => {
  const token = await unsubscribeToken(t.ctx.db, fixture.member.id, "plan_comment");
  const signature = token.split(".")[2];
  return {
    url: `/api/email/unsubscribe?token=${fixture.peer.id}.plan_comment.${signature}`,
    body: {},
  };
};

export const emailScenarios: Scenario[] = [
  {
    route: "GET /api/email/unsubscribe",
    description: "a member's signed link",
    call: link,
    expect: anyone(200),
  },
  {
    route: "GET /api/email/unsubscribe",
    description: "a member's signature on the peer's id",
    call: forged,
    expect: anyone(404),
  },
  {
    route: "POST /api/email/unsubscribe",
    description: "a member's signed link",
    call: link,
    expect: anyone(200),
  },
  {
    route: "POST /api/email/unsubscribe",
    description: "a member's signature on the peer's id",
    call: forged,
    expect: anyone(404),
  },
];
