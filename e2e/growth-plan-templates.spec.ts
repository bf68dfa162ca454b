import { expect, type Page, test } from "@playwright/test";
import { ensureAdminSignedIn } from "./fixtures/admin.ts";
import { signedInPerson } from "./fixtures/growth-plans.ts";
import { uniqueTag } from "./fixtures/people.ts";

async function openAdminPage(page: Page, name: string) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("group", { name: "Admin" })
    .getByRole("link", { name })
    .click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test("an admin writes a template and a new prompt; a member starts a plan from them", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await ensureAdminSignedIn(page);
  const tag = uniqueTag();
  const name = `Staff engineer path ${tag}`;
  const hint = `Notice which problems you keep being pulled into ${tag}.`;
  const newPrompt = `Which problem would you love to own next year? ${tag}`;

  // The prompts are shared by every plan, so the journey puts them back as it found them.
  const promptsBefore = await (await page.request.get("/api/growth-plan-prompts")).json();
  try {
    // Create: an id already in use is refused on the id field, by the server.
    await page.goto("/");
    await openAdminPage(page, "Growth plan templates");
    await page.getByRole("link", { name: "New template", exact: true }).click();
    await expect(
      page.getByRole("heading", { name: "New growth plan template", level: 1 }),
    ).toBeVisible();
    await page.getByRole("textbox", { name: "Name" }).fill(name);
    const id = page.getByRole("textbox", { name: "Id" });
    await expect(id).toHaveValue(`staff-engineer-path-${tag}`);
    await id.fill("aspiring-manager");
    await page
      .getByRole("textbox", { name: "Description" })
      .fill("For senior engineers who want to lead across teams.");
    await page.getByRole("combobox", { name: "Trajectory" }).selectOption("Grow as an IC leader");
    await page.getByRole("textbox", { name: "Hint for the reflection prompts" }).fill(hint);
    await page.getByRole("button", { name: "Add goal" }).click();
    const goal = page.getByRole("group", { name: "Goal 1", exact: true });
    await goal.getByRole("textbox", { name: "Skill/Behavior" }).fill(`Technical strategy ${tag}`);
    const namedGoal = page.getByRole("group", { name: `Goal 1: Technical strategy ${tag}` });
    await namedGoal.getByRole("button", { name: "Add action step" }).click();
    await namedGoal
      .getByRole("textbox", { name: "Action step 1" })
      .fill("Write a design document for a change across two teams");
    await page.getByRole("button", { name: "Create template" }).click();
    await expect(id).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Already in use")).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "was not saved" })).toBeVisible();

    await id.fill(`staff-engineer-${tag}`);
    await page.getByRole("button", { name: "Create template" }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText(`${name} was created.`)).toBeVisible();

    // Edit: a resource's address is checked on its field before anything is sent.
    await page.getByRole("button", { name: "Add resource" }).click();
    const resource = page.getByRole("group", { name: "Resource 1" });
    await resource.getByRole("textbox", { name: "Title" }).fill("Staff Engineer (the book)");
    const address = page
      .getByRole("group", { name: "Staff Engineer (the book)" })
      .getByRole("textbox", { name: "Web address" });
    await address.fill("staffeng.com");
    await page.getByRole("button", { name: "Save template" }).click();
    await expect(address).toHaveAttribute("aria-invalid", "true");
    await expect(
      page.getByText("Use a web address starting with http:// or https://"),
    ).toBeVisible();
    await address.fill("https://staffeng.com/book");
    await page.getByRole("textbox", { name: "Time frame" }).fill("18 months");
    await page.getByRole("button", { name: "Save template" }).click();
    await expect(page.getByText(`${name} was saved.`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Save template" })).toBeDisabled();

    // Another admin saves the template meanwhile: this page's next save is refused, not lost.
    const templateId = `staff-engineer-${tag}`;
    const listed = (
      await (await page.request.get("/api/growth-plan-templates?includeArchived=true")).json()
    ).templates.find((template: { id: string }) => template.id === templateId);
    const other = await page.request.put(`/api/growth-plan-templates/${templateId}`, {
      data: {
        name: listed.name,
        description: "Changed by another admin",
        archived: false,
        content: listed.content,
        baseVersion: listed.version,
      },
    });
    expect(other.ok(), await other.text()).toBe(true);
    await page.getByRole("textbox", { name: "Time frame" }).fill("two years");
    await page.getByRole("button", { name: "Save template" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Someone else saved this template" }).first(),
    ).toBeVisible();
    // The refused edit is still on the form: reloading asks first.
    const leaving = page.waitForEvent("dialog").then((dialog) => dialog.accept());
    await page.reload();
    await leaving;
    await expect(page.getByRole("textbox", { name: "Description" })).toHaveValue(
      "Changed by another admin",
    );

    await page.getByRole("link", { name: "Growth plan templates" }).first().click();
    const row = page.getByRole("listitem", { name });
    await expect(row.getByText("Grow as an IC leader · 1 goal · 1 resource")).toBeVisible();

    // Prompts: add one, move it up a place, save.
    await openAdminPage(page, "Reflection prompts");
    await expect(page.getByRole("group", { name: "Prompt 1", exact: true })).toBeVisible();
    const count = await page.getByRole("group", { name: /^Prompt \d+$/ }).count();
    await page.getByRole("button", { name: "Add prompt" }).click();
    const added = page.getByRole("group", { name: `Prompt ${count + 1}` });
    await expect(added.getByRole("textbox", { name: "Question" })).toBeFocused();
    await added.getByRole("textbox", { name: "Question" }).fill(newPrompt);
    await added.getByRole("textbox", { name: "Help" }).fill("Think of the work, not the title.");
    await page.getByRole("button", { name: `Move “${newPrompt}” up` }).press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "is now prompt" })).toHaveText(
      `“${newPrompt}” is now prompt ${count} of ${count + 1}.`,
    );
    await expect(
      page
        .getByRole("group", { name: `Prompt ${count}` })
        .getByRole("textbox", { name: "Question" }),
    ).toHaveValue(newPrompt);
    await page.getByRole("button", { name: "Save prompts" }).click();
    await expect(page.getByText("The reflection prompts were saved.")).toBeVisible();
    const lastBefore = page
      .getByRole("group", { name: `Prompt ${count + 1}` })
      .getByRole("textbox", { name: "Question" });
    const displacedPrompt = await lastBefore.inputValue();

    // A member starting a plan is offered the template and answers the new prompt.
    const member = await signedInPerson(browser, page.request, {
      name: `Priya ${tag}`,
      email: `priya.${tag}@example.com`,
    });
    const me = member.page;
    await me.goto("/growth-plans");
    await me.getByRole("button", { name: "New plan" }).click();
    const dialog = me.getByRole("dialog", { name: "Start a growth plan" });
    await dialog.getByRole("textbox", { name: "Title" }).fill(`Towards staff ${tag}`);
    await dialog.getByRole("radio", { name: new RegExp(name) }).click();
    await dialog.getByRole("button", { name: "Create plan" }).click();
    await expect(me.getByRole("heading", { name: `Towards staff ${tag}`, level: 1 })).toBeVisible();
    await expect(me.getByText(hint)).toBeVisible();
    const answer = me.getByRole("textbox", { name: newPrompt });
    await expect(answer).toBeVisible();
    const displaced = me.getByRole("textbox", { name: displacedPrompt });
    const [answerBox, displacedBox] = [await answer.boundingBox(), await displaced.boundingBox()];
    expect(answerBox?.y ?? 0).toBeLessThan(displacedBox?.y ?? 0);

    await me.getByRole("link", { name: "Clarify your role" }).first().click();
    await expect(me.getByRole("radio", { name: "Grow as an IC leader" })).toBeChecked();
    await me.context().close();
  } finally {
    const current = await (await page.request.get("/api/growth-plan-prompts")).json();
    const restored = await page.request.put("/api/growth-plan-prompts", {
      data: { prompts: promptsBefore.prompts, baseVersion: current.version },
    });
    expect(restored.ok(), await restored.text()).toBe(true);
  }
});

test("an admin brings an edited shipped template back to what Trellis ships", async ({ page }) => {
  await ensureAdminSignedIn(page);
  const url = "/api/growth-plan-templates/people-manager-growth";
  const listed = (
    await (await page.request.get("/api/growth-plan-templates?includeArchived=true")).json()
  ).templates.find((template: { id: string }) => template.id === "people-manager-growth");
  const edited = await page.request.put(url, {
    data: {
      name: "Managers (our own words)",
      description: listed.description,
      archived: false,
      content: { ...listed.content, goals: [] },
      baseVersion: listed.version,
    },
  });
  expect(edited.ok(), await edited.text()).toBe(true);

  await page.goto("/admin/growth-plan-templates/people-manager-growth");
  await expect(page.getByRole("heading", { name: "Managers (our own words)" })).toBeVisible();
  await page.getByRole("button", { name: "Fill in the shipped version" }).click();
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("People manager growth");
  // Leaving with the change unsaved asks first; staying keeps it.
  const question = page.waitForEvent("dialog").then(async (dialog) => {
    const message = dialog.message();
    await dialog.dismiss();
    return message;
  });
  await page.getByRole("link", { name: "Growth plan templates" }).first().click();
  expect(await question).toBe("Leave this page? Your unsaved changes will be lost.");
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("People manager growth");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("People manager growth was saved.")).toBeVisible();
  const restored = (
    await (await page.request.get("/api/growth-plan-templates")).json()
  ).templates.find((template: { id: string }) => template.id === "people-manager-growth");
  expect(restored.content.goals.length).toBeGreaterThan(0);
});
