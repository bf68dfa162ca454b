import { expect, type Page, type Request, test } from "@playwright/test";
import { admin, ensureAdminSignedIn } from "./fixtures/admin.ts";
import { signedInPerson } from "./fixtures/growth-plans.ts";
import { createPerson, uniqueTag } from "./fixtures/people.ts";

/** A full load of home, with a fresh browser cache, may ask for at most this many scripts. */
const maxScriptRequestsForHome = 12;

/** The answers every page relies on, which a navigation inside the app must not ask for again. */
const sharedAnswers = ["/api/setup", "/api/auth/session", "/api/growth-plans/shared-with-me"];

function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

function requestsOf(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));
  return requests;
}

const pathOf = (request: Request) => new URL(request.url()).pathname;

async function openHome(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
}

test.describe("loading pages", () => {
  test("the sign-in page logs no error for a visitor who is not signed in", async ({ page }) => {
    await ensureAdminSignedIn(page);
    await page.context().clearCookies();
    const errors = consoleErrorsOf(page);

    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?redirect=%2Faccount$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test("moving between pages of the app does not ask again for setup, session or shares", async ({
    page,
  }) => {
    await ensureAdminSignedIn(page);
    // A person reads each page for a while before opening the next.
    await page.clock.install();
    await openHome(page);
    const navigation = page.getByRole("navigation");
    const requests = requestsOf(page);
    const open = async (link: string, heading: string) => {
      await page.clock.fastForward("03:00");
      // "Notifications" carries its unread count when earlier journeys left some.
      await navigation.getByRole("link", { name: new RegExp(`^${link}( \\d+ unread)?$`) }).click();
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    };

    await open("Growth plan", "Growth plans");
    await open("Notifications", "Notifications");
    await open("Home", `Welcome, ${admin.name}`);
    await open("Growth plan", "Growth plans");

    const repeated = requests.map(pathOf).filter((path) => sharedAnswers.includes(path));
    expect(repeated).toEqual([]);
  });

  test("a report given to a person elsewhere shows when they come back to the tab", async ({
    page,
    browser,
  }) => {
    await ensureAdminSignedIn(page);
    const tag = uniqueTag();
    const manager = await signedInPerson(browser, page.request, {
      name: `Mateo ${tag}`,
      email: `mateo.${tag}@example.com`,
    });
    await manager.page.goto("/");
    const navigation = manager.page.getByRole("navigation", { name: "Main" });
    await expect(navigation.getByRole("link", { name: "Home" })).toBeVisible();
    await expect(navigation.getByRole("link", { name: "My team" })).toHaveCount(0);

    await createPerson(page.request, {
      name: `Amara ${tag}`,
      email: `amara.${tag}@example.com`,
      managerId: manager.id,
    });
    // Away and back: the browser tells the page it is visible again.
    await manager.page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
    await expect(navigation.getByRole("link", { name: "My team" })).toBeVisible();
    await manager.page.context().close();
  });

  test("a full load of home asks for a handful of scripts, compressed", async ({ page }) => {
    await ensureAdminSignedIn(page);
    const requests = requestsOf(page);
    await openHome(page);
    await page.waitForLoadState("networkidle");

    const scripts = requests.filter((request) => request.resourceType() === "script");
    test.info().annotations.push({ type: "script requests", description: String(scripts.length) });
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.length).toBeLessThanOrEqual(maxScriptRequestsForHome);

    const assets = requests.filter((request) => pathOf(request).startsWith("/assets/"));
    for (const asset of assets) {
      const response = await asset.response();
      const accepted = (await asset.allHeaders())["accept-encoding"] ?? "";
      const expected = accepted.includes("br") ? "br" : "gzip";
      expect(response?.headers()["content-encoding"], pathOf(asset)).toBe(expected);
      expect(response?.headers().vary, pathOf(asset)).toMatch(/accept-encoding/i);
      expect(response?.headers()["cache-control"], pathOf(asset)).toContain("immutable");
    }
  });

  test("assets and the page arrive as brotli when the browser accepts it", async ({ request }) => {
    const page = await request.get("/sign-in", { headers: { "accept-encoding": "gzip, br" } });
    expect(page.headers()["content-encoding"]).toBe("br");
    expect(page.headers()["cache-control"]).toBe("no-cache");
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();

    const brotli = await request.get(script ?? "", { headers: { "accept-encoding": "gzip, br" } });
    expect(brotli.headers()["content-encoding"]).toBe("br");
    expect(brotli.headers().vary).toMatch(/accept-encoding/i);
    const gzip = await request.get(script ?? "", { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers()["content-encoding"]).toBe("gzip");
    expect(await gzip.text()).toBe(await brotli.text());
  });
});

test.describe("loading pages on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("the sign-in page logs no error on a phone", async ({ page }) => {
    await ensureAdminSignedIn(page);
    await page.context().clearCookies();
    const errors = consoleErrorsOf(page);
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
