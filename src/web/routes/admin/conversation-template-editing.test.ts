import { describe, expect, it } from "vitest";
import type { ConversationTemplateView } from "#core/conversations/templates.schemas.ts";
import {
  archiveBody,
  moveTopic,
  newTopicKey,
  templateFormValues,
  updateTemplateForm,
} from "./conversation-template-editing.ts";

const template: ConversationTemplateView = {
  id: "019ad5a0-0000-7000-8000-0000000000bb",
  name: "Quarterly",
  description: "",
  topics: [
    { key: "aspirations", title: "Aspirations", prompt: "Where to?" },
    { key: "support", title: "Support", prompt: "" },
  ],
  isDefault: false,
  archived: false,
  version: 3,
  updatedAt: "2026-11-01T10:00:00.000Z",
};

describe("conversation template editing", () => {
  it("gives new topics keys the contract accepts, never one already taken", () => {
    const values = [0.1, 0.1, 0.7];
    const random = () => values.shift() ?? 0.5;
    const first = newTopicKey([], random);
    expect(first).toMatch(/^[a-z0-9][a-z0-9-]{0,39}$/);
    const second = newTopicKey([{ key: first, title: "", prompt: "" }], random);
    expect(second).not.toBe(first);
  });

  it("moves a topic up and down, and not past the ends", () => {
    expect(moveTopic(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveTopic(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveTopic(["a", "b"], 0, -1)).toEqual(["a", "b"]);
  });

  it("sends the whole template with the version it was read at", () => {
    const schema = updateTemplateForm(() => template.version, false);
    expect(schema.parse(templateFormValues(template))).toMatchObject({
      name: "Quarterly",
      baseVersion: 3,
      archived: false,
      topics: template.topics,
    });
  });

  it("names the topic whose title is missing", () => {
    const values = templateFormValues(template);
    values.topics[1] = { key: "support", title: " ", prompt: "" };
    const result = updateTemplateForm(() => 3, false).safeParse(values);
    expect(result.error?.issues[0]?.path).toEqual(["topics", 1, "title"]);
  });

  it("archives with one field changed", () => {
    expect(archiveBody(template, true)).toMatchObject({ archived: true, baseVersion: 3 });
  });
});
