import { QueryClient } from "@tanstack/react-query";
import type { AnyRoute } from "@tanstack/react-router";
import { describe, expect, it } from "vitest";
import { createAppRouter } from "./router.ts";
import { adminRoute } from "./routes/admin/admin.route.ts";

function ancestors(route: AnyRoute): AnyRoute[] {
  const chain: AnyRoute[] = [];
  for (let parent = route.parentRoute; parent; parent = parent.parentRoute) chain.push(parent);
  return chain;
}

describe("the route tree", () => {
  const router = createAppRouter(new QueryClient());
  const routes = Object.values(router.routesById) as AnyRoute[];
  const adminPages = routes.filter(
    (route) => route.fullPath.startsWith("/admin/") && route.options.component !== undefined,
  );

  it("puts every administration page under the one /admin layout and its guard", () => {
    expect(adminPages.map((route) => route.fullPath)).toEqual(
      expect.arrayContaining([
        "/admin/people",
        "/admin/pathway-templates",
        "/admin/pathway-templates/$templateId",
        "/admin/growth-plan-templates/new",
        "/admin/growth-plan-prompts",
        "/admin/career-frameworks",
        "/admin/career-frameworks/import",
        "/admin/career-frameworks/$frameworkId",
        "/admin/career-frameworks/$frameworkId/expectations",
        "/admin/career-frameworks/$frameworkId/versions",
      ]),
    );
    for (const page of adminPages) {
      expect(ancestors(page), page.fullPath).toContain(adminRoute);
      expect(page.options.beforeLoad, `${page.fullPath} has a guard of its own`).toBeUndefined();
    }
  });
});

describe("the career pages", () => {
  const router = createAppRouter(new QueryClient());

  it.each([
    ["/career", "/career"],
    ["/career/roles", "/career/roles"],
    ["/career/assessments", "/career/assessments"],
    ["/career/feedback", "/career/feedback"],
    ["/career/0190f1a0-0000-7000-8000-000000000001", "/career/$frameworkId"],
    [
      "/career/0190f1a0-0000-7000-8000-000000000001/roles/analyst",
      "/career/$frameworkId/roles/$roleKey",
    ],
    [
      "/career/assessments/0190f1a0-0000-7000-8000-000000000002",
      "/career/assessments/$assessmentId",
    ],
  ])("opens %s as %s, not as a framework named like a page", (path, fullPath) => {
    const [, , foundRoute] = router.getMatchedRoutes(path);
    expect(foundRoute?.fullPath).toBe(fullPath);
  });
});
