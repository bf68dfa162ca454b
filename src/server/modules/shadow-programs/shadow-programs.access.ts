import type { Db } from "#server/db/create-db.ts";
import { notFound } from "#server/errors.ts";
import { findPersonById } from "#server/modules/people/people.queries.ts";
import { type ApplicationRow, findApplicationRow } from "./shadow-applications.queries.ts";
import {
  type ApplicationFacts,
  assertApplicationRule,
  assertCanReadApplication,
  assertCanReadProgram,
  assertProgramRule,
  type PolicyActor,
  type ProgramFacts,
} from "./shadow-programs.policy.ts";
import {
  findProgramRow,
  findRotationRow,
  listOwnerIds,
  type ProgramRow,
  type RotationRow,
} from "./shadow-programs.queries.ts";

/** Programs, rotations and applications with the facts their policies need, read fresh. */

export type LoadedProgram = { program: ProgramRow; facts: ProgramFacts };
export type LoadedRotation = LoadedProgram & { rotation: RotationRow };
export type LoadedApplication = {
  application: ApplicationRow;
  rotation: RotationRow;
  program: ProgramRow;
  applicantTimeZone: string | null;
  facts: ApplicationFacts;
};

const noSuchProgram = () => notFound("No such shadow program.");
const noSuchRotation = () => notFound("No such rotation.");
const noSuchApplication = () => notFound("No such application.");

async function programWithFacts(db: Db, program: ProgramRow): Promise<LoadedProgram> {
  return {
    program,
    facts: {
      programId: program.id,
      ownerIds: await listOwnerIds(db, program.id),
      archived: program.archived_at !== null,
    },
  };
}

export async function loadProgram(db: Db, id: string): Promise<LoadedProgram> {
  const program = await findProgramRow(db, id);
  if (!program) throw noSuchProgram();
  return programWithFacts(db, program);
}

export async function loadReadableProgram(
  db: Db,
  actor: PolicyActor,
  id: string,
): Promise<LoadedProgram> {
  const loaded = await loadProgram(db, id);
  assertCanReadProgram(actor, loaded.facts);
  return loaded;
}

export async function loadProgramFor(
  db: Db,
  actor: PolicyActor,
  id: string,
  rule: Parameters<typeof assertProgramRule>[0],
  reason: string,
): Promise<LoadedProgram> {
  const loaded = await loadProgram(db, id);
  assertProgramRule(rule, actor, loaded.facts, reason);
  return loaded;
}

export async function loadRotationFor(
  db: Db,
  actor: PolicyActor,
  id: string,
  rule: Parameters<typeof assertProgramRule>[0],
  reason: string,
): Promise<LoadedRotation> {
  const rotation = await findRotationRow(db, id);
  if (!rotation) throw noSuchRotation();
  const program = await findProgramRow(db, rotation.program_id);
  if (!program) throw noSuchRotation();
  const loaded = await programWithFacts(db, program);
  assertProgramRule(rule, actor, loaded.facts, reason);
  return { ...loaded, rotation };
}

export async function loadApplication(db: Db, id: string): Promise<LoadedApplication> {
  const application = await findApplicationRow(db, id);
  if (!application) throw noSuchApplication();
  const [rotation, program, applicant, ownerIds] = await Promise.all([
    findRotationRow(db, application.rotation_id),
    findProgramRow(db, application.program_id),
    findPersonById(db, application.applicant_id),
    listOwnerIds(db, application.program_id),
  ]);
  if (!rotation || !program || !applicant) throw noSuchApplication();
  return {
    application,
    rotation,
    program,
    applicantTimeZone: applicant.time_zone,
    facts: {
      applicationId: application.id,
      applicantId: application.applicant_id,
      applicantActive: applicant.status === "active",
      applicantManagerId: applicant.manager_id,
      status: application.status,
      ownerIds,
    },
  };
}

export async function loadReadableApplication(
  db: Db,
  actor: PolicyActor,
  id: string,
): Promise<LoadedApplication> {
  const loaded = await loadApplication(db, id);
  assertCanReadApplication(actor, loaded.facts);
  return loaded;
}

export async function loadApplicationFor(
  db: Db,
  actor: PolicyActor,
  id: string,
  rule: Parameters<typeof assertApplicationRule>[0],
  reason: string,
): Promise<LoadedApplication> {
  const loaded = await loadApplication(db, id);
  assertApplicationRule(rule, actor, loaded.facts, reason);
  return loaded;
}
