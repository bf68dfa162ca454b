import { defaultTemplate } from "#core/conversations/default-template.ts";
import {
  adminOnly,
  type CaseContext,
  matrixAdmin,
  matrixMeta,
  type Scenario,
  signedIn,
} from "#server/testing/authorization-matrix.ts";
import { ensureDefaultTemplate } from "./conversation-defaults.queries.ts";
import {
  createConversationTemplate,
  updateConversationTemplate,
} from "./conversation-templates.service.ts";

/**
 * The authorization matrix rows of conversation templates and the cadence: everyone signed in
 * reads them, admins change them; an archived template is 404 to everyone but admins.
 */

const templateBody = (serial: number) => ({
  name: `Matrix agenda ${serial}`,
  description: "",
  topics: [...defaultTemplate.topics],
});

const archivedTemplateId = async (context: CaseContext) => {
  const admin = matrixAdmin(context);
  const created = await createConversationTemplate(
    context.t.ctx,
    admin,
    templateBody(context.serial),
    matrixMeta,
  );
  await updateConversationTemplate(
    context.t.ctx,
    admin,
    created.id,
    { ...templateBody(context.serial), baseVersion: created.version, archived: true },
    matrixMeta,
  );
  return created.id;
};

const defaultTemplateId = ({ t }: CaseContext) => ensureDefaultTemplate(t.ctx.db, t.clock.now());

export const conversationTemplateScenarios: Scenario[] = [
  {
    route: "GET /api/conversation-templates",
    description: "the active templates",
    call: () => ({ url: "/api/conversation-templates" }),
    expect: signedIn(200),
  },
  {
    route: "POST /api/conversation-templates",
    description: "a new template",
    call: ({ serial }) => ({ url: "/api/conversation-templates", body: templateBody(serial) }),
    expect: adminOnly(201),
  },
  {
    route: "GET /api/conversation-templates/:id",
    description: "the default template",
    call: async (context) => ({
      url: `/api/conversation-templates/${await defaultTemplateId(context)}`,
    }),
    expect: signedIn(200),
  },
  {
    route: "GET /api/conversation-templates/:id",
    description: "an archived template",
    call: async (context) => ({
      url: `/api/conversation-templates/${await archivedTemplateId(context)}`,
    }),
    expect: { ...signedIn(404), admin: 200 },
  },
  {
    route: "PUT /api/conversation-templates/:id",
    description: "a stale save reaches the version check",
    call: async (context) => ({
      url: `/api/conversation-templates/${await defaultTemplateId(context)}`,
      body: { ...templateBody(context.serial), baseVersion: 999 },
    }),
    expect: adminOnly(409),
  },
  {
    route: "GET /api/conversation-settings",
    description: "the cadence",
    call: () => ({ url: "/api/conversation-settings" }),
    expect: signedIn(200),
  },
  {
    route: "PUT /api/conversation-settings",
    description: "a stale save reaches the version check",
    call: () => ({
      url: "/api/conversation-settings",
      body: { firstAfterDays: 60, intervalMonths: 4, baseVersion: 999 },
    }),
    expect: adminOnly(409),
  },
];
