import { describe, expect, it } from "vitest";
import { auditActions } from "#core/audit.schemas.ts";
import { auditActionLabel, auditActionLabels, describeAuditDetails } from "./audit-labels.ts";

describe("auditActionLabel", () => {
  it("has words for every action", () => {
    for (const action of auditActions) expect(auditActionLabels[action]).toMatch(/^[A-Z]/);
  });

  it("falls back to the action's own name", () => {
    expect(auditActionLabel("people.deactivated")).toBe("Person deactivated");
    expect(auditActionLabel("plans.shared")).toBe("plans.shared");
  });
});

describe("describeAuditDetails", () => {
  it("turns keys into words and values into text", () => {
    expect(
      describeAuditDetails({
        fields: ["team", "jobTitle"],
        previousManagerId: null,
        created: 3,
        range: { from: 1 },
      }),
    ).toEqual([
      "Fields: team, jobTitle",
      "Previous manager id: none",
      "Created: 3",
      'Range: {"from":1}',
    ]);
    expect(describeAuditDetails(null)).toEqual([]);
  });
});
