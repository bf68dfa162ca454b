import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { unzipSync } from "fflate";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPlanThroughApi, signedInPerson } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

async function readZip(path: string | null) {
  const bytes = new Uint8Array(await readFile(path ?? ""));
  // A zip archive starts with a local file header, "PK\x03\x04".
  expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const files = unzipSync(bytes);
  const data = JSON.parse(new TextDecoder().decode(files["data.json"])) as {
    personId: string;
    exportedBy: string;
    sections: { growthPlans: { plans: { view: { plan: { title: string } } }[] } };
  };
  return { files, data };
}

test("a member downloads all their data, and an administrator exports it for them", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const member = await signedInPerson(browser, page.request, {
    name: `Rumi ${tag}`,
    email: `rumi.${tag}@example.com`,
  });
  const me = member.page;
  await createPlanThroughApi(me.request, { title: `Plan ${tag}` });

  await me.goto("/account");
  await expect(me.getByRole("heading", { name: "Your data" })).toBeVisible({ timeout: 20_000 });
  const [download] = await Promise.all([
    me.waitForEvent("download"),
    me.getByRole("link", { name: "Download all my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^trellis-data-rumi-.*-\d{4}-\d{2}-\d{2}\.zip$/);
  const own = await readZip(await download.path());
  expect(Object.keys(own.files)).toEqual(expect.arrayContaining(["data.json", "README.md"]));
  expect(own.data.personId).toBe(member.id);
  expect(own.data.exportedBy).toBe("self");
  expect(own.data.sections.growthPlans.plans.map((plan) => plan.view.plan.title)).toContain(
    `Plan ${tag}`,
  );

  await page.goto(`/people/${member.id}`);
  await expect(page.getByRole("link", { name: "Export this person's data" })).toBeVisible({
    timeout: 20_000,
  });
  const [adminDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export this person's data" }).click(),
  ]);
  const forThem = await readZip(await adminDownload.path());
  expect(forThem.data.personId).toBe(member.id);
  expect(forThem.data.exportedBy).toBe("admin");
});
