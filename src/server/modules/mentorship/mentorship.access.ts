import type { Actor } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import { findPersonById, type PersonRow } from "#server/modules/people/people.queries.ts";
import { noSuchProgram, type ProgramFacts } from "./mentorship.policy.ts";
import {
  findProgram,
  listProgramPeople,
  type ProgramPeople,
  type ProgramRow,
} from "./mentorship.queries.ts";

export type LoadedProgram = { program: ProgramRow; people: ProgramPeople; facts: ProgramFacts };

const sameText = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLocaleLowerCase("en") === b.trim().toLocaleLowerCase("en");

/** Whether the program is for this person: everyone, their department, or a named member. */
export function programIsFor(
  program: ProgramRow,
  people: ProgramPeople,
  person: PersonRow | undefined,
): boolean {
  if (person?.status !== "active") return false;
  if (program.audience === "everyone") return true;
  if (program.audience === "department")
    return sameText(program.group_department, person.department);
  return people.members.includes(person.id);
}

export function programFacts(
  program: ProgramRow,
  people: ProgramPeople,
  person: PersonRow | undefined,
): ProgramFacts {
  return {
    ownerIds: people.owners,
    forActor: programIsFor(program, people, person),
    open: program.is_open,
  };
}

/** Read fresh on every request; a missing program answers 404 like one the actor cannot read. */
export async function loadProgram(db: Db, actor: Actor, id: string): Promise<LoadedProgram> {
  const program = await findProgram(db, id);
  if (!program) throw noSuchProgram();
  const [byProgram, person] = await Promise.all([
    listProgramPeople(db, [program.id]),
    findPersonById(db, actor.personId),
  ]);
  const people = byProgram.get(program.id) ?? { owners: [], members: [] };
  return { program, people, facts: programFacts(program, people, person) };
}
