import { describe, expect, it } from "vitest";
import { UpdatePersonBody } from "#core/people.schemas.ts";
import { changedFields, emptyPersonForm, personFormValues } from "./person-form.ts";

const profile = {
  person: {
    id: "0b9a3f8e-4c1f-4d35-9b8a-2f1a4c6d7e80",
    email: "ana@example.com",
    name: "Ana Lima",
    preferredName: null,
    displayName: "Ana Lima",
    jobTitle: "Engineer",
    division: null,
    department: "Engineering",
    team: null,
    location: null,
    timeZone: "Europe/Lisbon",
    managerId: null,
    status: "active" as const,
  },
  manager: null,
  directReportCount: 0,
  relation: "peer" as const,
  employment: { hireDate: "2023-05-02" },
  account: { role: "member" as const, hasPassword: false, pendingInvitationExpiresAt: null },
};

describe("personFormValues", () => {
  it("opens empty optional fields as blank inputs", () => {
    expect(personFormValues(profile)).toEqual({
      ...emptyPersonForm,
      email: "ana@example.com",
      name: "Ana Lima",
      jobTitle: "Engineer",
      department: "Engineering",
      timeZone: "Europe/Lisbon",
      hireDate: "2023-05-02",
    });
  });
});

describe("changedFields", () => {
  it("sends only what changed, with cleared fields as null", () => {
    const before = UpdatePersonBody.parse(personFormValues(profile));
    const after = UpdatePersonBody.parse({
      ...personFormValues(profile),
      jobTitle: "  Staff engineer ",
      department: "",
      team: "",
    });
    expect(changedFields(before, after)).toEqual({ jobTitle: "Staff engineer", department: null });
  });

  it("is empty when nothing changed", () => {
    const values = UpdatePersonBody.parse(personFormValues(profile));
    expect(changedFields(values, { ...values })).toEqual({});
  });
});
