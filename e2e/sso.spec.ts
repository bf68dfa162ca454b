import { expect, test } from "@playwright/test";
import {
  startTestOidcProvider,
  type TestOidcProvider,
} from "../src/server/testing/oidc-provider.ts";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPerson, uniqueTag } from "./fixtures/people.ts";

const baseURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3199)}`;
const slug = "e2e-company";
let provider: TestOidcProvider;

test.beforeAll(async () => {
  provider = await startTestOidcProvider({
    redirectUris: [`${baseURL}/api/auth/sso/${slug}/callback`],
  });
});

test.afterAll(async () => {
  await provider.close();
});

test("an admin adds an identity provider and a person signs in through it", async ({
  page,
  browser,
}) => {
  // Two browsers and an identity provider: more steps than most journeys.
  test.setTimeout(90_000);
  await ensureAdminSignedIn(page);
  await page.goto("/admin/single-sign-on");
  await expect(page.getByRole("heading", { name: "Single sign-on", level: 1 })).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole("button", { name: "Add provider" }).click();
  const form = page.getByRole("form", { name: "New provider" });
  await form.getByLabel("Button name").fill("E2E company");
  await form.getByLabel("Short name (in the callback address)").fill(slug);
  await form.getByLabel("Issuer URL").fill(provider.issuer);
  await form.getByLabel("Client id").fill(provider.clientId);
  await form.getByLabel("Client secret").fill(provider.clientSecret);
  await form.getByLabel("Allowed email domains").fill("sso-e2e.example");
  await form.getByRole("button", { name: "Save provider" }).click();
  await expect(page.getByRole("cell", { name: "E2E company", exact: true })).toBeVisible();

  const tag = uniqueTag();
  const email = `grace-${tag}@sso-e2e.example`;
  await createPerson(page.request, { name: `Grace ${tag}`, email });

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Sign in with E2E company" }).click();
  // The identity provider's own login form.
  await visitor.locator('input[name="login"]').fill(email);
  await visitor.locator('input[name="password"]').fill("any password");
  await visitor.getByRole("button", { name: "Sign-in" }).click();
  await visitor.waitForURL((url) => url.origin === baseURL && !url.pathname.startsWith("/sign-in"));
  const session = await visitor.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expect((await session.json()).user.email).toBe(email);
  await context.close();
});

test("a refused single sign-on explains itself on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in?sso_error=unknown_person");
  await expect(page.getByRole("alert")).toContainText("There is no Trellis account for you yet");
});
