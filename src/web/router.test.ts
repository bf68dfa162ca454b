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
