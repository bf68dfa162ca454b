import type {
  ApplicationView,
  ProgramSummary,
  RotationView,
  ShadowPerson,
} from "#core/shadow-programs.schemas.ts";
import type { ApplicationRow } from "./shadow-applications.queries.ts";
import type { ProgramRow, RotationRow } from "./shadow-programs.queries.ts";

/** Rows → API JSON. Names come in maps the service loaded; a missing one shows as "Someone". */

export type Names = ReadonlyMap<string, string>;

export const personOf = (names: Names, id: string): ShadowPerson => ({
  id,
  name: names.get(id) ?? "Someone",
});

export function presentProgramSummary(
  row: ProgramRow,
  owners: readonly ShadowPerson[],
  viewerId: string,
  upcomingRotations: number,
): ProgramSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    owners: [...owners],
    archived: row.archived_at !== null,
    version: row.version,
    updatedAt: row.updated_at,
    isOwner: owners.some((owner) => owner.id === viewerId),
    upcomingRotations,
  };
}

export function presentRotation(
  row: RotationRow,
  seats: { taken: number; waitlisted: number } | undefined,
  names: Names,
  mine: { id: string; status: ApplicationView["status"] } | undefined,
): RotationView {
  return {
    id: row.id,
    programId: row.program_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    seats: row.seats,
    seatsTaken: seats?.taken ?? 0,
    waitlisted: seats?.waitlisted ?? 0,
    host: row.host_id ? personOf(names, row.host_id) : null,
    version: row.version,
    myApplication: mine ?? null,
  };
}

export function presentApplication(
  row: ApplicationRow,
  context: {
    names: Names;
    program: Pick<ProgramRow, "id" | "name">;
    rotation: Pick<RotationRow, "id" | "starts_on" | "ends_on">;
    showMotivation: boolean;
    waitlistPosition: number | null;
  },
): ApplicationView {
  const { names } = context;
  return {
    id: row.id,
    status: row.status,
    applicant: personOf(names, row.applicant_id),
    program: { id: context.program.id, name: context.program.name },
    rotation: {
      id: context.rotation.id,
      startsOn: context.rotation.starts_on,
      endsOn: context.rotation.ends_on,
    },
    motivation: context.showMotivation ? row.motivation : null,
    managerDecision:
      row.manager_id && row.manager_decision && row.manager_decided_at
        ? {
            by: personOf(names, row.manager_id),
            decision: row.manager_decision,
            note: row.manager_note ?? "",
            at: row.manager_decided_at,
          }
        : null,
    ownerDecision:
      row.owner_id && row.owner_decision && row.owner_decided_at
        ? {
            by: personOf(names, row.owner_id),
            decision: row.owner_decision,
            note: row.owner_note ?? "",
            at: row.owner_decided_at,
          }
        : null,
    waitlistPosition: row.status === "waitlisted" ? context.waitlistPosition : null,
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The people an application's view names. */
export const namedInApplication = (row: ApplicationRow): string[] =>
  [row.applicant_id, row.manager_id, row.owner_id].filter((id): id is string => id !== null);
