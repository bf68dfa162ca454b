import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifySerializerCompiler,
  LogController,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import { type AppContext, type Clock, systemClock } from "./context.ts";
import type { Db } from "./db/create-db.ts";
import { registerApiDocs } from "./http/api-docs.ts";
import {
  answerFrameworkError,
  registerErrorHandling,
  sendRouteNotFound,
} from "./http/error-handler.ts";
import { registerJsonBodyParser } from "./http/json-body.ts";
import { requestLogFields } from "./http/log-redaction.ts";
import { requestValidatorCompiler } from "./http/request-validator.ts";
import { addRequestIdAndCaching } from "./http/response-headers.ts";
import { responseSerializerCompiler } from "./http/response-serializer.ts";
import { registerRouteAccess } from "./http/route-access.ts";
import { registerSameOriginGuard } from "./http/same-origin.ts";
import { registerSecurityHeaders, securityHeadersFor } from "./http/security-headers.ts";
import { registerSessions } from "./http/sessions.ts";
import { isPageRequest, registerSpa } from "./http/spa.ts";
import { accountRoutes } from "./modules/account/account.routes.ts";
import { accountNoticeRoutes } from "./modules/account/account-notices.routes.ts";
import { apiTokenRoutes } from "./modules/api-tokens/api-tokens.routes.ts";
import { registerAccessDenialAudit } from "./modules/audit/access-denials.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { authRoutes } from "./modules/auth/auth.routes.ts";
import { benefitRoutes } from "./modules/benefits/benefits.routes.ts";
import { calendarRoutes } from "./modules/calendar/calendar.routes.ts";
import { careerAssessmentRoutes } from "./modules/career-paths/career-assessments.routes.ts";
import { careerFrameworkImportRoutes } from "./modules/career-paths/career-framework-imports.routes.ts";
import { careerFrameworkRoutes } from "./modules/career-paths/career-frameworks.routes.ts";
import { contentPageRoutes } from "./modules/content-pages/content-pages.routes.ts";
import { conversationExportRoutes } from "./modules/conversations/conversation-exports.routes.ts";
import { conversationTemplateRoutes } from "./modules/conversations/conversation-templates.routes.ts";
import { conversationRoutes } from "./modules/conversations/conversations.routes.ts";
import { emailUnsubscribeRoutes } from "./modules/email/email-unsubscribe.routes.ts";
import { growthPlanRoutes } from "./modules/growth-plans/growth-plans.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { invitationRoutes } from "./modules/invitations/invitations.routes.ts";
import { learningRoutes } from "./modules/learning/learning.routes.ts";
import { liveLearningRoutes } from "./modules/live-learning/live-learning.routes.ts";
import { managerWorkspaceRoutes } from "./modules/manager-workspace/manager-workspace.routes.ts";
import { mentorshipRoutes } from "./modules/mentorship/mentorship.routes.ts";
import { notificationRoutes } from "./modules/notifications/notifications.routes.ts";
import { pathwayProgressRoutes } from "./modules/pathways/pathway-progress.routes.ts";
import { pathwayTemplateRoutes } from "./modules/pathways/pathway-templates.routes.ts";
import { peopleRoutes } from "./modules/people/people.routes.ts";
import { peopleImportRoutes } from "./modules/people-import/people-import.routes.ts";
import { personalDataRoutes } from "./modules/personal-data/personal-data.routes.ts";
import { personalDataErasureRoutes } from "./modules/personal-data-erasure/personal-data-erasure.routes.ts";
import { retentionRoutes } from "./modules/retention/retention.routes.ts";
import { scimPath } from "./modules/scim/scim.presenters.ts";
import { registerScim } from "./modules/scim/scim.routes.ts";
import { answerScimError } from "./modules/scim/scim-errors.ts";
import { setupRoutes } from "./modules/setup/setup.routes.ts";
import { shadowProgramRoutes } from "./modules/shadow-programs/shadow-programs.routes.ts";
import { ssoRoutes } from "./modules/sso/sso.routes.ts";

export type BuildAppOptions = {
  clock?: Clock;
  /** Where the built web app lives; tests point it elsewhere or nowhere. */
  webDistDir?: string | null;
  /** Where log lines go; standard output by default. Tests read them from here. */
  logStream?: { write(line: string): void };
};

const defaultWebDistDir = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** Assembles the request pipeline: sessions → CSRF → access → validate → route → errors. */
export async function buildApp(
  config: Config,
  db: Db,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const ctx: AppContext = { config, db, clock: options.clock ?? systemClock };
  const securityHeaders = securityHeadersFor(config);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: { req: requestLogFields },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    logController: new LogController({
      requestIdLogLabel: "requestId",
      // Probes would drown the request log.
      disableRequestLogging: (request) => request.url === "/healthz" || request.url === "/readyz",
    }),
    genReqId: incomingOrNewRequestId,
    frameworkErrors: answerFrameworkError(securityHeaders, { [scimPath]: answerScimError }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(requestValidatorCompiler);
  // Fastify sends a Buffer from a serializer as it is, though its types only mention strings.
  const serializerCompiler = responseSerializerCompiler({ check: config.checkResponses });
  app.setSerializerCompiler(serializerCompiler as FastifySerializerCompiler<unknown>);
  registerErrorHandling(app);
  registerJsonBodyParser(app);
  app.addHook("onSend", async (request, reply) => addRequestIdAndCaching(request, reply));

  registerSecurityHeaders(app, securityHeaders);
  registerSameOriginGuard(app, config);
  await registerSessions(app, ctx);
  registerRouteAccess(app);
  registerAccessDenialAudit(app, ctx);
  await registerApiDocs(app, config);

  await app.register(healthRoutes, { ctx });
  await app.register(setupRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(ssoRoutes, { ctx });
  await app.register(accountRoutes, { ctx });
  await app.register(accountNoticeRoutes, { ctx });
  await app.register(apiTokenRoutes, { ctx });
  await app.register(peopleRoutes, { ctx });
  await app.register(peopleImportRoutes, { ctx });
  await app.register(invitationRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(pathwayProgressRoutes, { ctx });
  await app.register(pathwayTemplateRoutes, { ctx });
  await app.register(growthPlanRoutes, { ctx });
  await app.register(careerFrameworkRoutes, { ctx });
  await app.register(careerFrameworkImportRoutes, { ctx });
  await app.register(careerAssessmentRoutes, { ctx });
  await app.register(calendarRoutes, { ctx });
  await app.register(emailUnsubscribeRoutes, { ctx });
  await app.register(notificationRoutes, { ctx });
  await app.register(conversationTemplateRoutes, { ctx });
  await app.register(contentPageRoutes, { ctx });
  await app.register(conversationExportRoutes, { ctx });
  await app.register(conversationRoutes, { ctx });
  await app.register(managerWorkspaceRoutes, { ctx });
  await app.register(liveLearningRoutes, { ctx });
  await app.register(mentorshipRoutes, { ctx });
  await app.register(shadowProgramRoutes, { ctx });
  await app.register(benefitRoutes, { ctx });
  await app.register(learningRoutes, { ctx });
  await app.register(personalDataRoutes, { ctx });
  await app.register(personalDataErasureRoutes, { ctx });
  await app.register(retentionRoutes, { ctx });
  await registerScim(app, ctx);

  const webDistDir = options.webDistDir === undefined ? defaultWebDistDir : options.webDistDir;
  const spa = webDistDir ? await registerSpa(app, webDistDir) : null;
  app.setNotFoundHandler((request, reply) =>
    spa && isPageRequest(request) ? spa.sendIndex(reply) : sendRouteNotFound(request, reply),
  );
  return app;
}

const safeRequestId = /^[A-Za-z0-9._-]{1,64}$/;

/** Keeps a proxy's x-request-id when it is well formed, so logs can be joined across hops. */
function incomingOrNewRequestId(request: { headers: FastifyRequest["headers"] }): string {
  const incoming = request.headers["x-request-id"];
  return typeof incoming === "string" && safeRequestId.test(incoming) ? incoming : randomUUID();
}
