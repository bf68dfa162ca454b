import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import ICAL from "ical.js";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { currentViolations, seriousViolations } from "./fixtures/axe.ts";
import { createMemberAndManager, signedInPage } from "./fixtures/pathway.ts";
import { createPerson, uniqueTag } from "./fixtures/people.ts";

// The shipped default pathway's Year 1 Q2 item that attending a session completes.
const liveLearningItem = "Attend one Live Learning session found on the L&D calendar";

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Plans a session through the API, today in UTC (already started, so attendance can be taken). */
async function planSession(page: Page, input: { title: string; hostId: string }) {
  const response = await page.request.post("/api/live-sessions", {
    data: {
      title: input.title,
      description: "Practise **one** hard conversation.",
      hostId: input.hostId,
      startsAt: `${todayUtc()}T00:00`,
      endsAt: `${todayUtc()}T23:59`,
      timeZone: "UTC",
      capacity: 12,
      onlineUrl: "https://meet.example.com/live",
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("an admin plans a session with a host, a member RSVPs and downloads the invitation, the host marks attendance and the pathway item is done", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const hostName = `Hilde ${tag}`;
  const hostId = await createPerson(page.request, {
    name: hostName,
    email: `hilde.${tag}@example.com`,
  });
  const { member } = await createMemberAndManager(page.request, tag);
  const title = `Crucial feedback ${tag}`;

  // The admin plans it on the admin page, naming the host.
  await page.goto("/admin/live-sessions");
  await expect(page.getByRole("heading", { name: "Live sessions", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Plan a session" }).click();
  const dialog = page.getByRole("dialog", { name: "Plan a live session" });
  await dialog.getByRole("textbox", { name: "Title" }).fill(title);
  await dialog.getByRole("textbox", { name: "Description" }).fill("Bring **one** situation.");
  await dialog.getByRole("combobox", { name: "Host" }).fill(hostName);
  await page.getByRole("option", { name: new RegExp(hostName) }).click();
  const date = dialog.getByRole("textbox", { name: "Date" });
  await date.fill(todayUtc());
  await date.press("Tab");
  await dialog.getByLabel("Starts").fill("00:00");
  await dialog.getByLabel("Ends").fill("23:59");
  await dialog.getByRole("combobox", { name: "Time zone" }).fill("UTC");
  await page.getByRole("option", { name: "UTC", exact: true }).click();
  await dialog.getByRole("textbox", { name: "Seats" }).fill("8");
  await dialog.getByRole("textbox", { name: "Online link" }).fill("https://meet.example.com/x");
  await dialog.getByRole("button", { name: "Plan session" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText(`Hosted by ${hostName}`);
  await expect(row).toContainText("8 of 8 seats left");

  // The member finds it on the calendar and RSVPs.
  const memberPage = await signedInPage(browser, page.request, member.id);
  await memberPage.goto("/learning/calendar");
  await expect(
    memberPage.getByRole("heading", { name: "Live learning calendar", level: 1 }),
  ).toBeVisible();
  await memberPage.getByRole("link", { name: title }).click();
  await expect(memberPage.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await memberPage.getByRole("button", { name: "RSVP: I'm going" }).click();
  await expect(memberPage.getByText("Going", { exact: true })).toBeVisible();
  await expect(memberPage.getByText("7 of 8 seats left")).toBeVisible();

  // The invitation downloads and is a calendar REQUEST for this session.
  const [download] = await Promise.all([
    memberPage.waitForEvent("download"),
    memberPage.getByRole("link", { name: "Download invitation (.ics)" }).click(),
  ]);
  const path = await download.path();
  const ics = await readFile(path, "utf8");
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
  expect(event.summary).toBe(title);
  expect(event.startDate.toJSDate().toISOString()).toBe(`${todayUtc()}T00:00:00.000Z`);

  // The host marks attendance on the session's page.
  const hostPage = await signedInPage(browser, page.request, hostId);
  await hostPage.goto(memberPage.url());
  const roster = hostPage.getByRole("region", { name: "Roster and attendance" });
  await roster.getByRole("checkbox", { name: `Noor ${tag} attended` }).check();
  await roster.getByRole("button", { name: "Save attendance" }).click();
  await expect(roster.getByText("Attendance saved.")).toBeVisible();

  // The member's pathway item is done.
  await memberPage.goto("/pathway");
  const quarter = memberPage.getByRole("region", { name: /^This quarter: Year 1, Q2/ });
  const item = quarter.getByRole("listitem", { name: liveLearningItem });
  await expect(item.getByText("Done", { exact: true })).toBeVisible();
  await memberPage.context().close();
  await hostPage.context().close();
});

test("the live learning pages have no serious accessibility violation in either theme", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const hostId = await createPerson(page.request, {
    name: `Axel ${tag}`,
    email: `axel.${tag}@example.com`,
  });
  const sessionId = await planSession(page, { title: `Axe session ${tag}`, hostId });
  await page.request.put(`/api/live-sessions/${sessionId}/rsvp`, { data: {} });
  const violations = [
    ...(await seriousViolations(page, "/learning/calendar")),
    ...(await seriousViolations(page, `/learning/sessions/${sessionId}`)),
    ...(await seriousViolations(page, "/admin/live-sessions")),
  ];
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/learning/calendar");
  await page.getByText("Month", { exact: true }).click();
  await expect(page.getByRole("link", { name: new RegExp(`Axe session ${tag}`) })).toBeVisible();
  violations.push(...(await currentViolations(page, "/learning/calendar (month)")));
  expect(violations).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the live learning pages fit the screen", async ({ page }) => {
    await ensureAdminSignedIn(page);
    const tag = uniqueTag();
    const hostId = await createPerson(page.request, {
      name: `Pia ${tag}`,
      email: `pia.${tag}@example.com`,
    });
    const sessionId = await planSession(page, {
      title: `A rather long session title that has to wrap on a phone ${tag}`,
      hostId,
    });
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    for (const path of [
      "/learning/calendar",
      `/learning/sessions/${sessionId}`,
      "/admin/live-sessions",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(await overflow(), path).toBeLessThanOrEqual(0);
    }
    await page.goto("/learning/calendar");
    await page.getByText("Month", { exact: true }).click();
    await expect(page.getByRole("button", { name: /open the week/ }).first()).toBeVisible();
    expect(await overflow(), "month view").toBeLessThanOrEqual(0);
  });
});
