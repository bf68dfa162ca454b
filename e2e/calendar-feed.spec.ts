import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { createPlanThroughApi, signedInPerson } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

function isoDayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a member turns on the calendar feed, adds a weekly learning block and downloads it", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const member = await signedInPerson(browser, page.request, {
    name: `Noor ${tag}`,
    email: `noor.${tag}@example.com`,
  });
  const me = member.page;

  // A plan whose first monthly check-in is next week.
  const planId = await createPlanThroughApi(me.request, { title: `Plan ${tag}` });
  const plan = (await (await me.request.get(`/api/growth-plans/${planId}`)).json()) as {
    sections: { tracking: { version: number } };
  };
  const checkInDay = isoDayFromToday(7);
  const saved = await me.request.put(`/api/growth-plans/${planId}/sections/tracking`, {
    data: {
      baseVersion: plan.sections.tracking.version,
      content: {
        schedule: [
          { id: crypto.randomUUID(), cadence: "monthly", label: "Monthly", startsOn: checkInDay },
        ],
        checkIns: [],
        reflections: [],
      },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await me.goto("/account");
  await me.getByRole("link", { name: "Calendar feed settings" }).click();
  await expect(me.getByRole("heading", { name: "Calendar feed", level: 1 })).toBeVisible();

  // Turn the feed on: its URL is shown once, and answers iCalendar.
  await me.getByRole("button", { name: "Turn on calendar feed" }).click();
  const urlBox = me.getByRole("textbox", { name: "Your calendar feed URL" });
  await expect(urlBox).toHaveValue(/\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
  const feedUrl = await urlBox.inputValue();

  // A learning block every Friday, 14:00–16:00 in Paris.
  await me.getByRole("button", { name: "Add a learning block" }).click();
  const block = me.getByRole("group", { name: "Learning block 1" });
  await expect(block.getByRole("checkbox", { name: "Friday" })).toBeChecked();
  await block.getByLabel("Starts").fill("14:00");
  await block.getByLabel("Ends").fill("16:00");
  const zone = block.getByRole("combobox", { name: "Time zone" });
  await zone.click();
  await zone.fill("Europe/Paris");
  await me.getByRole("option", { name: "Europe/Paris", exact: true }).click();
  await block.getByRole("textbox", { name: "Title" }).fill(`Reading hour ${tag}`);
  await me.getByRole("button", { name: "Save calendar settings" }).click();
  await expect(me.getByText("Calendar settings saved.")).toBeVisible();

  // The downloaded file parses and holds the block and the next check-in.
  const [download] = await Promise.all([
    me.waitForEvent("download"),
    me.getByRole("link", { name: "Download .ics file" }).click(),
  ]);
  const text = await readFile((await download.path()) ?? "", "utf8");
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  const learning = events.find((event) => event.summary === `Reading hour ${tag}`);
  expect(learning, text).toBeDefined();
  expect(learning?.isRecurring()).toBe(true);
  const rule = learning?.component.getFirstPropertyValue("rrule") as ICAL.Recur | undefined;
  expect(rule?.freq).toBe("WEEKLY");
  expect(rule?.parts.BYDAY).toEqual(["FR"]);
  expect(learning?.startDate.zone?.tzid).toBe("Europe/Paris");
  expect(learning?.startDate.hour).toBe(14);
  expect(learning?.endDate.hour).toBe(16);
  const checkIn = events.find((event) => event.summary === "Growth plan check-in");
  expect(checkIn?.startDate.toString()).toBe(checkInDay);

  // The subscribed URL serves the same events.
  const feed = await me.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain(`Reading hour ${tag}`);

  // After a reload the block is still there.
  await me.reload();
  await expect(
    me.getByRole("group", { name: "Learning block 1" }).getByRole("textbox", { name: "Title" }),
  ).toHaveValue(`Reading hour ${tag}`);
});
