import type { Assessment } from "#core/career/assessments.schemas.ts";

type Request = Assessment["requests"][number];

export const feedbackStatusLabels: Record<Request["status"], string> = {
  pending: "Waiting for an answer",
  answered: "Answered",
  declined: "Declined",
};

export const relationLabels: Record<Request["relation"], string> = {
  manager: "Manager",
  peer: "Peer",
};

export function statusLabel(assessment: Pick<Assessment, "status">): string {
  return assessment.status === "draft" ? "Draft" : "Finished";
}
