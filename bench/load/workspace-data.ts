import { newId } from "#core/ids.ts";
import type { Db } from "#server/db/create-db.ts";
import type { BenchPerson, Organization } from "./organization.ts";

const batchSize = 500;
const dayMilliseconds = 86_400_000;

/** Whom the manager workspace scenarios sign in as. */
export type WorkspaceTeams = {
  /** A manager of exactly 12 direct reports (the last 12 people, who also hold assessments). */
  workspaceManager: BenchPerson;
  /** A skip-level manager with exactly 2,000 people below them, on three levels. */
  skipLevel: BenchPerson;
};

export const workspaceReports = 12;
export const skipLevelSubtree = 2_000;
const directorsUnderSkipLevel = 8;
const leadsPerDirector = 8;

/**
 * Reshapes the tail of the generated tree, whose people are all leaves (the tree gives eight
 * reports to each of the first eighth of the people), before any other data is generated: the
 * last 12 people report to the one before them, and the 2,001 people before that form a
 * skip-level manager with 8 directors, 64 team leads and 1,928 members.
 */
export async function shapeWorkspaceTeams(
  db: Db,
  organization: Organization,
): Promise<WorkspaceTeams | null> {
  const { people } = organization;
  const needed = workspaceReports + 1 + skipLevelSubtree + 1;
  if (people.length < needed * 2) return null;
  const tail = people.slice(-needed);
  const skipLevel = tail[0] as BenchPerson;
  const below = tail.slice(1, 1 + skipLevelSubtree);
  const workspaceManager = tail[1 + skipLevelSubtree] as BenchPerson;
  const reports = tail.slice(2 + skipLevelSubtree);

  const newManager = new Map<string, string>();
  const directors = below.slice(0, directorsUnderSkipLevel);
  const leads = below.slice(
    directors.length,
    directors.length + directors.length * leadsPerDirector,
  );
  const members = below.slice(directors.length + leads.length);
  for (const director of directors) newManager.set(director.id, skipLevel.id);
  leads.forEach((lead, index) => {
    newManager.set(lead.id, (directors[index % directors.length] as BenchPerson).id);
  });
  members.forEach((member, index) => {
    newManager.set(member.id, (leads[index % leads.length] as BenchPerson).id);
  });
  for (const report of reports) newManager.set(report.id, workspaceManager.id);

  const byManager = new Map<string, string[]>();
  for (const person of people) {
    const managerId = newManager.get(person.id);
    if (!managerId) continue;
    person.managerId = managerId;
    byManager.set(managerId, [...(byManager.get(managerId) ?? []), person.id]);
  }
  for (const [managerId, ids] of byManager) {
    for (let start = 0; start < ids.length; start += batchSize) {
      await db
        .updateTable("people")
        .set({ manager_id: managerId, job_title: null })
        .where("id", "in", ids.slice(start, start + batchSize))
        .execute();
    }
  }
  for (const id of [
    skipLevel.id,
    workspaceManager.id,
    ...directors.map((d) => d.id),
    ...leads.map((l) => l.id),
  ]) {
    await db.updateTable("people").set({ job_title: "Manager" }).where("id", "=", id).execute();
  }
  return { workspaceManager, skipLevel };
}

/**
 * Career conversations as a running installation has them: two in three people held one with
 * their manager in the last ten months (with an agreed next date for half of them) and have two
 * action items from it, one done; one in four has the next one scheduled.
 */
export async function generateConversations(
  db: Db,
  organization: Organization,
  now: Date,
): Promise<{ conversations: number; actionItems: number }> {
  const at = now.toISOString();
  const conversations = [];
  const items = [];
  for (const person of organization.people) {
    if (!person.managerId) continue;
    const base = {
      member_id: person.id,
      manager_id: person.managerId,
      started_by: person.managerId,
      duration_minutes: 45,
      template_id: null,
      topics: "[]",
      acknowledgement_comment: null,
      cancelled_at: null,
      cancel_reason: null,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    if (person.index % 3 !== 0) {
      const heldAt = new Date(now.getTime() - (20 + ((person.index * 37) % 300)) * dayMilliseconds);
      const id = newId(heldAt.getTime());
      conversations.push({
        ...base,
        id,
        status: "held",
        scheduled_at: heldAt.toISOString(),
        next_date:
          person.index % 2 === 0
            ? new Date(heldAt.getTime() + 120 * dayMilliseconds).toISOString().slice(0, 10)
            : null,
        finished_at: heldAt.toISOString(),
        acknowledged_at: heldAt.toISOString(),
      });
      for (const position of [1, 2]) {
        items.push({
          id: newId(heldAt.getTime()),
          conversation_id: id,
          member_id: person.id,
          owner: position === 1 ? "member" : "manager",
          title: position === 1 ? "Pick a course for the next quarter" : "Introduce a mentor",
          due_on: null,
          done_on: position === 1 ? heldAt.toISOString().slice(0, 10) : null,
          position,
          plan_id: null,
          goal_id: null,
          action_step_id: null,
          version: 1,
          created_by: person.managerId,
          created_at: at,
          updated_at: at,
        });
      }
    }
    if (person.index % 4 === 0) {
      const upcoming = new Date(now.getTime() + (1 + (person.index % 60)) * dayMilliseconds);
      conversations.push({
        ...base,
        id: newId(),
        status: "scheduled",
        scheduled_at: upcoming.toISOString(),
        next_date: null,
        finished_at: null,
        acknowledged_at: null,
      });
    }
  }
  for (let start = 0; start < conversations.length; start += batchSize) {
    await db
      .insertInto("career_conversations")
      .values(conversations.slice(start, start + batchSize))
      .execute();
  }
  for (let start = 0; start < items.length; start += batchSize) {
    await db
      .insertInto("conversation_action_items")
      .values(items.slice(start, start + batchSize))
      .execute();
  }
  return { conversations: conversations.length, actionItems: items.length };
}
