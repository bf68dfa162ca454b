import { expect as baseExpect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { giveCurrentRole, rateEvery } from "./fixtures/career.ts";
import {
  createPlanThroughApi,
  type SignedInPerson,
  signedInPerson,
} from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

test.use({ actionTimeout: 15_000 });
// Pages load lazily on a busy machine: allow them time to appear.
const expect = baseExpect.configure({ timeout: 15_000 });

const department = "Revenue Strategy, Operations and Enablement";
const myRole = "Sales Operations Analyst";
const targetRole = "Senior Sales Operations Analyst";

/** The rater opens their feedback queue, then the member's request, and answers every competency. */
async function answerRequest(rater: SignedInPerson, memberName: string, level: number) {
  const page = rater.page;
  await page.goto("/career/feedback");
  const waiting = page.getByRole("region", { name: "Waiting for you" });
  await waiting.getByRole("link", { name: `${memberName}: ${targetRole}` }).click();
  await expect(
    page.getByRole("heading", { name: `Feedback for ${memberName}`, level: 1 }),
  ).toBeVisible();
  await rateEvery(page, "Your rating of", () => level);
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByText(`Thank you: ${memberName} will see your answer.`)).toBeVisible();
  await page.goto("/career/feedback");
  await expect(
    page
      .getByRole("region", { name: "Answered or declined" })
      .getByRole("link", { name: `${memberName}: ${targetRole}` }),
  ).toBeVisible();
}

async function addPeer(dialog: ReturnType<Page["getByRole"]>, name: string) {
  const picker = dialog.getByRole("combobox", { name: "Add a peer" });
  await picker.fill(name);
  await dialog.page().getByRole("option", { name }).click();
  await expect(dialog.getByRole("list", { name: "Peers to ask" }).getByText(name)).toBeVisible();
}

test("a member explores roles, assesses themselves, gathers feedback and turns gaps into goals", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const admin = page.request;
  const manager = await signedInPerson(browser, admin, {
    name: `Mina ${tag}`,
    email: `mina.${tag}@example.com`,
  });
  const member = await signedInPerson(browser, admin, {
    name: `Ravi ${tag}`,
    email: `ravi.${tag}@example.com`,
    managerId: manager.id,
  });
  const peers: SignedInPerson[] = [];
  for (const name of ["Pia", "Quinn", "Sol"]) {
    peers.push(
      await signedInPerson(browser, admin, {
        name: `${name} ${tag}`,
        email: `${name.toLowerCase()}.${tag}@example.com`,
      }),
    );
  }
  await giveCurrentRole(admin, member.id, "sales-operations-analyst");
  await createPlanThroughApi(member.page.request, { title: `My plan ${tag}` });
  const me = member.page;

  // The career map: filter by department, as a list, with my own role marked.
  await me.goto("/");
  await me.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Career" }).click();
  await expect(me.getByRole("heading", { name: "Career map", level: 1 })).toBeVisible();
  await me.getByRole("combobox", { name: "Department" }).click();
  await me.getByRole("option", { name: department, exact: true }).click();
  await me.getByRole("radiogroup", { name: "Show as" }).getByText("List", { exact: true }).click();
  await expect(me.getByRole("radio", { name: "List" })).toBeChecked();
  const list = me.getByRole("region", { name: new RegExp(`^${department} · `) }).first();
  await expect(list).toBeVisible();
  await expect(me.getByRole("region", { name: /^Product · / })).toHaveCount(0);
  await expect(
    me
      .getByRole("listitem")
      .filter({ hasText: "★ Your role" })
      .getByRole("link", { name: myRole, exact: true }),
  ).toBeVisible();

  // The target role's page, and the comparison with my own.
  await me.getByRole("link", { name: targetRole, exact: true }).first().click();
  await expect(me.getByRole("heading", { name: targetRole, level: 1 })).toBeVisible();
  await expect(me.getByRole("row", { name: /Forecasting/ })).toBeVisible();
  await me.getByRole("link", { name: "Compare with my role" }).click();
  await expect(me.getByRole("heading", { name: "Compare roles", level: 1 })).toBeVisible();
  await expect(me.getByRole("status").filter({ hasText: /competencies differ/ })).toBeVisible();
  await expect(me.getByRole("columnheader", { name: myRole, exact: true })).toBeVisible();
  await expect(me.getByRole("columnheader", { name: targetRole, exact: true })).toBeVisible();
  await me.getByRole("link", { name: targetRole, exact: true }).click();

  // The self-assessment: every competency rated (all at 2), evidence, finished, shared.
  await me.getByRole("button", { name: "Assess myself against this role" }).click();
  await expect(
    me.getByRole("heading", { name: `Self-assessment: ${targetRole}`, level: 1 }),
  ).toBeVisible();
  const competencies = await rateEvery(me, "Your rating for", () => 2);
  await me
    .getByRole("textbox", { name: "Evidence" })
    .first()
    .fill(`Built the quarterly forecast model ${tag}`);
  await me.getByRole("button", { name: "Save ratings" }).click();
  await expect(me.getByText("All changes saved")).toBeVisible();
  await expect(me.getByText(`${competencies} of ${competencies} competencies rated`)).toBeVisible();
  await me.getByRole("button", { name: "Finish assessment" }).click();
  await expect(me.getByText("Finished", { exact: true })).toBeVisible();
  // A finished assessment is read-only.
  await expect(me.getByRole("button", { name: "Save ratings" })).toHaveCount(0);
  await expect(
    me
      .getByRole("radiogroup", { name: /^Your rating for/ })
      .first()
      .getByRole("radio")
      .first(),
  ).toBeDisabled();
  // The switch follows the stored assessment, so it turns on once the server agreed.
  const share = me.getByRole("switch", { name: "Share with my manager" });
  await share.click();
  await expect(share).toBeChecked();
  await expect(me.getByText("Shared with your manager", { exact: true })).toBeVisible();
  const assessmentUrl = me.url();

  // Ask the manager and three peers.
  await me.getByRole("button", { name: "Ask for feedback" }).click();
  const ask = me.getByRole("dialog", { name: "Ask for feedback" });
  await expect(ask.getByRole("checkbox", { name: "Ask my manager" })).toBeChecked();
  for (const peer of peers) await addPeer(ask, peer.name);
  await ask.getByRole("button", { name: "Send requests" }).click();
  await expect(ask).toBeHidden();
  const feedback = me.getByRole("region", { name: "Feedback" });
  await expect(feedback.getByRole("listitem")).toHaveCount(4);

  // The manager answers at 1 (below every expectation); two peers at 4: peers are not shown yet.
  await answerRequest(manager, member.name, 1);
  const [first, second, third] = peers as [SignedInPerson, SignedInPerson, SignedInPerson];
  await answerRequest(first, member.name, 4);
  await answerRequest(second, member.name, 4);
  await me.goto(assessmentUrl);
  const gaps = me.getByRole("region", { name: "Gap analysis" });
  await expect(gaps.getByText(/2 of 3 peer answers needed/)).toBeVisible();

  // The third peer answers: the peers' average appears.
  await answerRequest(third, member.name, 4);
  await me.reload();
  await expect(gaps.getByText(/peer answers needed/)).toHaveCount(0);
  await expect(gaps.getByText(`Manager: ${manager.name}`).first()).toBeVisible();
  const table = gaps.getByRole("table");
  const firstRow = table.getByRole("row").nth(1);
  await expect(firstRow.getByRole("cell").nth(2)).toHaveText("2");
  await expect(firstRow.getByRole("cell").nth(3)).toHaveText("1");
  await expect(firstRow.getByRole("cell").nth(4)).toHaveText("4");
  await expect(gaps.getByRole("img").first()).toBeVisible();

  // Two gaps become goals; the plan holds them, with the target role in Section 2.
  const boxes = gaps.getByRole("checkbox", { name: /^Make a goal of / });
  const goalNames: string[] = [];
  for (const index of [0, 1]) {
    const box = boxes.nth(index);
    goalNames.push(((await box.getAttribute("aria-label")) ?? "").replace("Make a goal of ", ""));
    await box.check();
  }
  await gaps.getByRole("button", { name: "Add 2 to my growth plan" }).click();
  await expect(gaps.getByText("2 goals were added to your growth plan.")).toBeVisible();
  await gaps.getByRole("link", { name: "Open the plan" }).click();
  for (const name of goalNames) {
    await expect(me.getByRole("group", { name: new RegExp(`^Goal \\d+: ${name}$`) })).toBeVisible();
  }
  await me
    .getByRole("navigation", { name: "Plan sections" })
    .getByRole("link", { name: /Clarify your role/ })
    .click();
  await expect(me.getByText(targetRole).first()).toBeVisible();

  for (const person of [member, manager, ...peers]) await person.page.context().close();
});
