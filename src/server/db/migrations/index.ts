import type { Migration } from "kysely/migration";
import * as accounts from "./2026-11-22-01-accounts.ts";
import * as organization from "./2026-11-22-02-organization.ts";
import * as pathways from "./2026-11-22-03-pathways.ts";
import * as growthPlans from "./2026-11-22-04-growth-plans.ts";
import * as reportsIndex from "./2026-11-22-05-reports-index.ts";
import * as pathwayContentVersion from "./2026-11-22-06-pathway-content-version.ts";
import * as growthPlanContentVersions from "./2026-11-22-07-growth-plan-content-versions.ts";
import * as auditDenialWindows from "./2026-12-01-01-audit-denial-windows.ts";
import * as notices from "./2026-12-01-02-notices.ts";
import * as signInAttempts from "./2026-12-01-03-sign-in-attempts.ts";
import * as careerPaths from "./2026-12-01-04-career-paths.ts";
import * as notifications from "./2026-12-01-05-notifications.ts";
import * as calendar from "./2026-12-01-06-calendar.ts";
import * as emailScheduler from "./2026-12-01-07-email-scheduler.ts";
import * as conversations from "./2026-12-01-08-conversations.ts";
import * as conversationInvitations from "./2026-12-01-09-conversation-invitations.ts";
import * as commentThreads from "./2026-12-02-01-comment-threads.ts";
import * as lastSignIn from "./2026-12-02-02-last-sign-in.ts";
import * as sharingVersion from "./2026-12-02-03-sharing-version.ts";
import * as learningResources from "./2026-12-03-01-learning-resources.ts";
import * as liveLearning from "./2026-12-03-02-live-learning.ts";
import * as mentorship from "./2026-12-03-03-mentorship.ts";
import * as shadowPrograms from "./2026-12-03-04-shadow-programs.ts";
import * as growthBenefit from "./2026-12-03-05-growth-benefit.ts";
import * as workspaceIndexes from "./2026-12-03-06-workspace-indexes.ts";
import * as learningDirectoryVersion from "./2026-12-03-07-learning-directory-version.ts";
import * as identity from "./2026-12-04-01-identity.ts";
import * as erasure from "./2026-12-04-15-erasure.ts";
import * as ssoSessions from "./2026-12-05-01-sso-sessions.ts";

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  "2026-11-22-01-accounts": accounts,
  "2026-11-22-02-organization": organization,
  "2026-11-22-03-pathways": pathways,
  "2026-11-22-04-growth-plans": growthPlans,
  "2026-11-22-05-reports-index": reportsIndex,
  "2026-11-22-06-pathway-content-version": pathwayContentVersion,
  "2026-11-22-07-growth-plan-content-versions": growthPlanContentVersions,
  "2026-12-01-01-audit-denial-windows": auditDenialWindows,
  "2026-12-01-02-notices": notices,
  "2026-12-01-03-sign-in-attempts": signInAttempts,
  "2026-12-01-04-career-paths": careerPaths,
  "2026-12-01-05-notifications": notifications,
  "2026-12-01-06-calendar": calendar,
  "2026-12-01-07-email-scheduler": emailScheduler,
  "2026-12-01-08-conversations": conversations,
  "2026-12-01-09-conversation-invitations": conversationInvitations,
  "2026-12-02-01-comment-threads": commentThreads,
  "2026-12-02-02-last-sign-in": lastSignIn,
  "2026-12-02-03-sharing-version": sharingVersion,
  "2026-12-03-02-live-learning": liveLearning,
  "2026-12-03-03-mentorship": mentorship,
  "2026-12-03-04-shadow-programs": shadowPrograms,
  "2026-12-03-05-growth-benefit": growthBenefit,
  "2026-12-03-06-workspace-indexes": workspaceIndexes,
  "2026-12-03-01-learning-resources": learningResources,
  "2026-12-03-07-learning-directory-version": learningDirectoryVersion,
  "2026-12-04-01-identity": identity,
  "2026-12-04-15-erasure": erasure,
  "2026-12-05-01-sso-sessions": ssoSessions,
};
