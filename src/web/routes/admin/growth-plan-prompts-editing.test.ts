import { describe, expect, it } from "vitest";
import { defaultReflectionPrompts } from "#core/growth-plan/growth-plan-defaults.ts";
import {
  blankPrompt,
  newPromptId,
  positionAnnouncement,
  promptFormSchema,
  promptFormValues,
  promptsBody,
} from "./growth-plan-prompts-editing.ts";
import { moveItem } from "./pathway-template-editing.ts";

const shipped = { prompts: defaultReflectionPrompts, builtIn: true, version: 0 };

describe("promptsBody", () => {
  it("gives back the prompts the form was made from, in their order", () => {
    expect(promptsBody(promptFormValues(shipped))).toEqual({
      prompts: defaultReflectionPrompts,
      baseVersion: 0,
    });
  });

  it("names the version the list was loaded at", () => {
    expect(promptsBody(promptFormValues({ ...shipped, version: 7 })).baseVersion).toBe(7);
  });

  it("gives a new prompt an id of its own made from its words", () => {
    const values = promptFormValues(shipped);
    values.prompts.push({ ...blankPrompt(), text: "What motivates you?", help: "" });
    const body = promptsBody(values, () => "a1b2c3");
    expect(body.prompts[5]).toEqual({
      id: "what-motivates-you-a1b2c3",
      text: "What motivates you?",
      help: "",
    });
  });

  it("keeps the order the prompts were moved into", () => {
    const values = promptFormValues(shipped);
    const moved = { ...values, prompts: moveItem(values.prompts, 4, -1) };
    expect(promptsBody(moved).prompts.map((prompt) => prompt.id)).toEqual([
      "energizes",
      "drains",
      "strengths",
      "direction",
      "proud",
    ]);
  });
});

describe("newPromptId", () => {
  it("never takes an id in use", () => {
    const suffixes = ["aaaaaa", "bbbbbb"];
    const id = newPromptId(
      "Energizes",
      new Set(["energizes-aaaaaa"]),
      () => suffixes.shift() ?? "",
    );
    expect(id).toBe("energizes-bbbbbb");
  });

  it("names a prompt without words, and stays within the id's length", () => {
    expect(newPromptId("???", new Set(), () => "abcdef")).toBe("prompt-abcdef");
    expect(newPromptId("word ".repeat(40), new Set()).length).toBeLessThanOrEqual(64);
  });
});

describe("promptFormSchema", () => {
  it("checks what the API checks, by the path of each input", () => {
    const values = promptFormValues(shipped);
    values.prompts.push({ ...blankPrompt(), text: "  " });
    const result = promptFormSchema.safeParse(values);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["prompts.5.text"]);
  });

  it("asks for at least one prompt and at most ten", () => {
    expect(promptFormSchema.safeParse({ prompts: [] }).success).toBe(false);
    const eleven = Array.from({ length: 11 }, (_, index) => ({
      ...blankPrompt(),
      text: `Question ${index}`,
    }));
    expect(promptFormSchema.safeParse({ prompts: eleven }).error?.issues[0]?.path).toEqual([
      "prompts",
    ]);
  });
});

it("announces where a moved prompt now sits", () => {
  expect(positionAnnouncement("What drains you?", 0, 6)).toBe(
    "“What drains you?” is now prompt 1 of 6.",
  );
  expect(positionAnnouncement(" ", 2, 3)).toBe("The prompt is now prompt 3 of 3.");
});
