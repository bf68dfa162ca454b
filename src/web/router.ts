import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { NotFound } from "./components/not-found.tsx";
import { PageLoader } from "./components/page-loader.tsx";
import { RouteError } from "./components/route-error.tsx";
import { accountRoute } from "./routes/account/account.route.ts";
import { calendarFeedRoute } from "./routes/account/calendar-feed.route.ts";
import {
  adminApiTokensRoute,
  adminAuditRoute,
  adminImportRoute,
  adminIndexRoute,
  adminPeopleRoute,
  adminRetentionRoute,
  adminRoute,
  adminSingleSignOnRoute,
} from "./routes/admin/admin.route.ts";
import {
  careerFrameworkExpectationsRoute,
  careerFrameworkImportRoute,
  careerFrameworkRoute,
  careerFrameworksRoute,
  careerFrameworkVersionsRoute,
} from "./routes/admin/career-frameworks.route.ts";
import { conversationTemplatesRoute } from "./routes/admin/conversation-templates.route.ts";
import {
  growthPlanPromptsRoute,
  growthPlanTemplateRoute,
  growthPlanTemplatesRoute,
  newGrowthPlanTemplateRoute,
} from "./routes/admin/growth-plan-templates.route.ts";
import {
  pathwayImportRoute,
  pathwayTemplateRoute,
  pathwayTemplatesRoute,
} from "./routes/admin/pathway-templates.route.ts";
import { appRoute } from "./routes/app/app.route.ts";
import { benefitAdminRoutes, benefitRoutes } from "./routes/benefit/benefit.route.ts";
import {
  assessmentRoute,
  assessmentsRoute,
  careerMapRoute,
  feedbackAnswerRoute,
  feedbackQueueRoute,
  frameworkMapRoute,
  roleCompareRoute,
  roleExplorerRoute,
  roleRoute,
} from "./routes/career/career.route.ts";
import {
  conversationRoute,
  conversationsRoute,
} from "./routes/conversations/conversations.route.ts";
import {
  planHistoryRoute,
  planPrintRoute,
  planRoute,
  plansRoute,
  sharedPlansRoute,
} from "./routes/growth-plans/growth-plans.route.ts";
import { homeRoute } from "./routes/home/home.route.ts";
import { inviteRoute } from "./routes/invite/invite.route.ts";
import { learningAdminRoutes, learningRoutes } from "./routes/learning/learning.route.ts";
import {
  liveLearningAdminRoutes,
  liveLearningRoutes,
} from "./routes/live-learning/live-learning.route.ts";
import {
  managerGuideRoute,
  managerWorkspaceRoute,
} from "./routes/manager-workspace/manager-workspace.route.ts";
import { mentorshipAdminRoutes, mentorshipRoutes } from "./routes/mentorship/mentorship.route.ts";
import {
  notificationPreferencesRoute,
  notificationsRoute,
} from "./routes/notifications/notifications.route.ts";
import { myPathwayRoute, personPathwayRoute } from "./routes/pathway/pathway.route.ts";
import { directoryRoute, orgChartRoute, personRoute } from "./routes/people/people.route.ts";
import { rootRoute } from "./routes/root.route.ts";
import { setupRoute } from "./routes/setup/setup.route.ts";
import {
  shadowProgramAdminRoutes,
  shadowProgramRoutes,
} from "./routes/shadow-programs/shadow-programs.route.ts";
import { signInRoute } from "./routes/sign-in/sign-in.route.ts";
import { teamRoute } from "./routes/team/team.route.ts";

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  inviteRoute,
  planPrintRoute,
  appRoute.addChildren([
    homeRoute,
    accountRoute,
    calendarFeedRoute,
    directoryRoute,
    personRoute,
    orgChartRoute,
    teamRoute,
    // Every administration page is a child of the one /admin layout and its guard.
    adminRoute.addChildren([
      adminIndexRoute,
      adminPeopleRoute,
      adminImportRoute,
      adminAuditRoute,
      adminRetentionRoute,
      adminApiTokensRoute,
      adminSingleSignOnRoute,
      pathwayTemplatesRoute,
      pathwayImportRoute,
      pathwayTemplateRoute,
      growthPlanTemplatesRoute,
      newGrowthPlanTemplateRoute,
      growthPlanTemplateRoute,
      growthPlanPromptsRoute,
      careerFrameworksRoute,
      careerFrameworkImportRoute,
      careerFrameworkRoute,
      careerFrameworkExpectationsRoute,
      careerFrameworkVersionsRoute,
      conversationTemplatesRoute,
      ...learningAdminRoutes,
      ...liveLearningAdminRoutes,
      ...mentorshipAdminRoutes,
      ...shadowProgramAdminRoutes,
      ...benefitAdminRoutes,
    ]),
    plansRoute,
    sharedPlansRoute,
    planRoute,
    planHistoryRoute,
    myPathwayRoute,
    personPathwayRoute,
    careerMapRoute,
    frameworkMapRoute,
    roleExplorerRoute,
    roleRoute,
    roleCompareRoute,
    assessmentsRoute,
    assessmentRoute,
    feedbackQueueRoute,
    feedbackAnswerRoute,
    notificationsRoute,
    notificationPreferencesRoute,
    conversationsRoute,
    conversationRoute,
    managerWorkspaceRoute,
    managerGuideRoute,
    ...learningRoutes,
    ...liveLearningRoutes,
    ...mentorshipRoutes,
    ...shadowProgramRoutes,
    ...benefitRoutes,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    // TanStack Query owns caching; the router should always ask it.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}
