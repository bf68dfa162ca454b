import type { ApplicationView } from "#core/shadow-programs.schemas.ts";
import type { Db } from "#server/db/create-db.ts";
import { type ApplicationRow, listWaitlist } from "./shadow-applications.queries.ts";
import { namedInApplication, presentApplication } from "./shadow-programs.presenters.ts";
import {
  listNamesByIds,
  listProgramsByIds,
  listRotationsByIds,
} from "./shadow-programs.queries.ts";

/**
 * Applications as the caller sees them; `showsMotivation` is the policy's view rule for each
 * (the caller has already been allowed to read every row).
 */
export async function presentApplications(
  db: Db,
  rows: readonly ApplicationRow[],
  showsMotivation: (row: ApplicationRow) => boolean,
): Promise<ApplicationView[]> {
  if (rows.length === 0) return [];
  const [names, programs, rotations] = await Promise.all([
    listNamesByIds(db, rows.flatMap(namedInApplication)),
    listProgramsByIds(
      db,
      rows.map((row) => row.program_id),
    ),
    listRotationsByIds(
      db,
      rows.map((row) => row.rotation_id),
    ),
  ]);
  const waitlisted = [
    ...new Set(rows.filter((row) => row.status === "waitlisted").map((row) => row.rotation_id)),
  ];
  const positions = new Map<string, number>();
  for (const rotationId of waitlisted) {
    const waitlist = await listWaitlist(db, rotationId);
    for (const [index, entry] of waitlist.entries()) positions.set(entry.id, index + 1);
  }
  return rows.flatMap((row) => {
    const program = programs.get(row.program_id);
    const rotation = rotations.get(row.rotation_id);
    if (!program || !rotation) return [];
    return [
      presentApplication(row, {
        names,
        program,
        rotation,
        showMotivation: showsMotivation(row),
        waitlistPosition: positions.get(row.id) ?? null,
      }),
    ];
  });
}
