import { describe, expect, it } from "vitest";
import {
  ActionItemForm,
  acknowledgeForm,
  finishForm,
  localDateTimeToIso,
  StartConversationForm,
  startConversationDefaults,
} from "./conversation-forms.ts";

const memberId = "019ad5a0-0000-7000-8000-0000000000aa";

describe("localDateTimeToIso", () => {
  it("reads the date and time in the reader's zone and answers the UTC instant", () => {
    const iso = localDateTimeToIso("2027-03-04", "09:30");
    expect(iso).toBe(new Date(2027, 2, 4, 9, 30).toISOString());
  });

  it("refuses what is not a real date or time", () => {
    expect(localDateTimeToIso("2027-02-30", "09:30")).toBeNull();
    expect(localDateTimeToIso("2027-03-04", "24:00")).toBeNull();
    expect(localDateTimeToIso("", "09:30")).toBeNull();
  });
});

describe("StartConversationForm", () => {
  it("turns the date and time into the instant and leaves out an unchosen template", () => {
    const result = StartConversationForm.parse({
      memberId,
      date: "2027-03-04",
      time: "09:30",
      durationMinutes: 60,
      templateId: "",
    });
    expect(result).toEqual({
      memberId,
      scheduledAt: new Date(2027, 2, 4, 9, 30).toISOString(),
      durationMinutes: 60,
    });
  });

  it("names the field that is wrong", () => {
    const result = StartConversationForm.safeParse({
      memberId: "",
      date: null,
      time: "9",
      durationMinutes: 60,
      templateId: "",
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["memberId", "date", "time"]));
  });

  it("keeps the contract's duration bounds", () => {
    const result = StartConversationForm.safeParse({
      ...startConversationDefaults(memberId, new Date(2027, 0, 10)),
      durationMinutes: 5,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["durationMinutes"]);
  });

  it("suggests tomorrow at ten", () => {
    expect(startConversationDefaults(memberId, new Date(2027, 0, 31, 18))).toMatchObject({
      date: "2027-02-01",
      time: "10:00",
    });
  });
});

describe("the smaller forms", () => {
  it("sends an emptied due date as none", () => {
    expect(ActionItemForm.parse({ owner: "member", title: " Read a book ", dueOn: "" })).toEqual({
      owner: "member",
      title: "Read a book",
      dueOn: null,
    });
  });

  it("carries the base version and asks for a next date", () => {
    expect(finishForm(4).parse({ nextDate: "2027-06-01" })).toEqual({
      baseVersion: 4,
      nextDate: "2027-06-01",
    });
    expect(finishForm(4).safeParse({ nextDate: null }).success).toBe(false);
  });

  it("leaves out an empty acknowledgement comment", () => {
    expect(acknowledgeForm(2).parse({ comment: "  " })).toEqual({ baseVersion: 2 });
    expect(acknowledgeForm(2).parse({ comment: "Add the course" })).toEqual({
      baseVersion: 2,
      comment: "Add the course",
    });
  });
});
