import type { Insertable } from "kysely";
import { newId } from "#core/ids.ts";
import type { PathwayStageKey } from "#core/pathway/pathway.schemas.ts";
import { lastScheduledYear, stageKeyId } from "#core/pathway/pathway-stages.ts";
import {
  localDateIn,
  stageStatus,
  type Tenure,
  tenureOn,
  tenureQuarterDates,
} from "#core/pathway/tenure.ts";
import type { AppContext } from "#server/context.ts";
import type { Db } from "#server/db/create-db.ts";
import type { PathwayCustomItemsTable, PathwayProgressTable } from "#server/db/schema.ts";
import { stageKeyOf } from "#server/modules/pathways/pathway.presenters.ts";
import {
  findDefaultTemplate,
  listLiveItems,
  listLiveStages,
} from "#server/modules/pathways/pathway.queries.ts";
import { insertCustomItems } from "#server/modules/pathways/pathway-custom-items.queries.ts";
import { insertProgressRows } from "#server/modules/pathways/pathway-progress.queries.ts";
import { listPeopleForImport } from "#server/modules/people/people.queries.ts";

/**
 * Pathway progress for the demo company: members have done most of what their past quarters
 * suggested, some of the current quarter, scaled back a few items and added a few of their own.
 * Seeded by email, so the same reference date gives the same progress.
 */

export type DemoPathwayPerson = {
  id: string;
  email: string;
  hireDate: string;
  timeZone: string | null;
};
export type DemoPathwayStage = {
  key: PathwayStageKey;
  items: { id: string; links: readonly { url: string }[] }[];
};

export type DemoPathwayProgress = {
  progress: Insertable<PathwayProgressTable>[];
  customItems: Insertable<PathwayCustomItemsTable>[];
};

const hiddenReasons = [
  "Not relevant to my role right now",
  "Already covered in my previous job",
  "Scaling back this quarter to focus on a launch",
];

const notes = [
  "Worth it: shared the takeaways with my team.",
  "Took two sessions; the second was the useful one.",
  null,
  null,
];

const ownItems = [
  "Pair with a senior colleague on a customer escalation",
  "Read “The Staff Engineer’s Path” and write up three ideas",
  "Present a lightning talk at the team demo",
  "Shadow a colleague from another department for a day",
  "Finish the internal data literacy course",
];

/** Mulberry32 seeded from a string: enough for spreading demo data, never for secrets. */
function randomFor(text: string): () => number {
  let state = 2_166_136_261;
  for (let index = 0; index < text.length; index++) {
    state = Math.imul(state ^ text.charCodeAt(index), 16_777_619) >>> 0;
  }
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const dayMs = 86_400_000;

function dateBetween(start: string, end: string, random: () => number): string {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  const days = Math.max(0, Math.round((to - from) / dayMs));
  return new Date(from + Math.floor(random() * (days + 1)) * dayMs).toISOString().slice(0, 10);
}

/** The days of a stage the member has lived through, or null when it is still ahead. */
function livedDays(
  key: PathwayStageKey,
  hireDate: string,
  tenure: Extract<Tenure, { status: "active" }>,
  today: string,
): { start: string; end: string } {
  if (key.kind === "considerations") return { start: tenure.quarterStart, end: today };
  const { start, end } = tenureQuarterDates(hireDate, key.year, key.quarter);
  return { start, end: end < today ? end : today };
}

export function generateDemoPathwayProgress(
  people: readonly DemoPathwayPerson[],
  stages: readonly DemoPathwayStage[],
  now: Date,
): DemoPathwayProgress {
  const lastYear = lastScheduledYear(stages);
  const stamp = now.toISOString();
  const result: DemoPathwayProgress = { progress: [], customItems: [] };
  for (const person of people) {
    const random = randomFor(person.email);
    const today = localDateIn(person.timeZone, now);
    const tenure = tenureOn(person.hireDate, today);
    if (tenure.status !== "active") continue;
    for (const stage of stages) {
      const status = stageStatus(stage.key, tenure, lastYear);
      if (status === "upcoming") continue;
      const days = livedDays(stage.key, person.hireDate, tenure, today);
      for (const item of stage.items) {
        const roll = random();
        const doneShare = status === "past" ? 0.72 : 0.35;
        if (roll < doneShare) {
          const link = item.links[0]?.url ?? null;
          result.progress.push({
            person_id: person.id,
            item_id: item.id,
            status: "done",
            done_on: dateBetween(days.start, days.end, random),
            evidence_url: random() < 0.4 ? link : null,
            note: notes[Math.floor(random() * notes.length)] ?? null,
            hidden_reason: null,
            source: "member",
            created_at: stamp,
            updated_at: stamp,
          });
        } else if (roll < doneShare + 0.08) {
          result.progress.push({
            person_id: person.id,
            item_id: item.id,
            status: "hidden",
            done_on: null,
            evidence_url: null,
            note: null,
            hidden_reason: hiddenReasons[Math.floor(random() * hiddenReasons.length)] ?? null,
            source: "member",
            created_at: stamp,
            updated_at: stamp,
          });
        }
      }
    }
    const current = stages.find((stage) => stageStatus(stage.key, tenure, lastYear) === "current");
    if (current && random() < 0.3) {
      const title = ownItems[Math.floor(random() * ownItems.length)] ?? "Learn something new";
      result.customItems.push({
        id: newId(now.getTime()),
        person_id: person.id,
        stage_key_id: stageKeyId(current.key),
        title,
        description: "",
        kind: "other",
        links: "[]",
        done_on: null,
        evidence_url: null,
        note: null,
        done_updated_at: null,
        created_at: stamp,
        updated_at: stamp,
      });
    }
  }
  return result;
}

/** Writes demo progress on the default pathway for the given demo people (normalized emails). */
export async function writeDemoPathwayProgress(
  trx: Db,
  ctx: AppContext,
  emails: readonly string[],
): Promise<void> {
  const template = await findDefaultTemplate(trx);
  if (!template) return;
  const stageRows = await listLiveStages(trx, template.id);
  const items = await listLiveItems(trx, template.id);
  const stages = stageRows.map((stage) => ({
    key: stageKeyOf(stage),
    items: items.filter((item) => item.stage_id === stage.id),
  }));
  const wanted = new Set(emails);
  const people = (await listPeopleForImport(trx))
    .filter((person) => wanted.has(person.email_normalized) && person.hire_date)
    .map((person) => ({
      id: person.id,
      email: person.email_normalized,
      hireDate: person.hire_date ?? "",
      timeZone: person.time_zone,
    }))
    .sort((a, b) => a.email.localeCompare(b.email));
  const { progress, customItems } = generateDemoPathwayProgress(people, stages, ctx.clock.now());
  await insertProgressRows(trx, progress);
  await insertCustomItems(trx, customItems);
}
