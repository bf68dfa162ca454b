import type { EnergyEntry } from "#core/growth-plan/energy.schemas.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { documentSectionKeys, growthPlanSectionKeys } from "#core/growth-plan/sections.schemas.ts";
import type { Actor, AppContext } from "#server/context.ts";
import type { Database } from "#server/db/schema.ts";
import { fromJson } from "#server/db/values.ts";
import { gapAnalysisOf } from "#server/modules/career-paths/career-assessments.presenters.ts";
import {
  listAssessmentsByIds,
  listAssessmentsOfPerson,
  listRequestsForRater,
  listRequestsOfAssessments,
} from "#server/modules/career-paths/career-assessments.queries.ts";
import {
  viewAssessment,
  withVersions,
} from "#server/modules/career-paths/career-assessments.service.ts";
import {
  findExportConversation,
  listGuestsOf,
} from "#server/modules/conversations/conversation-exports.queries.ts";
import { buildExport } from "#server/modules/conversations/conversation-exports.service.ts";
import {
  energyOverview,
  listEnergyEntries,
} from "#server/modules/growth-plans/growth-plan-energy.queries.ts";
import {
  presentEnergyEntry,
  presentPlanView,
} from "#server/modules/growth-plans/growth-plans.presenters.ts";
import {
  listGoals,
  listPlansOfOwner,
  listSections,
} from "#server/modules/growth-plans/growth-plans.queries.ts";
import type { PersonRow } from "#server/modules/people/people.queries.ts";
import * as q from "./personal-data.queries.ts";

/**
 * What the personal data export holds, as one declarative list (docs/personal-data-export.md):
 * the sections of `data.json`, each with the tables it reads and how it reads them, and for
 * every table of the schema whether it is exported and why not when it is not. The type makes
 * the table list complete; a test compares it with the tables of the database.
 */

/** Who the export is of, read fresh. Everything is read as the person would see it themselves. */
export type ExportSource = { ctx: AppContext; person: PersonRow; owner: Actor };

type Section<T> = {
  title: string;
  /** What a reader of README.md is told the section holds. */
  holds: string;
  collect: (source: ExportSource) => Promise<T>;
};
const section = <T>(definition: Section<T>) => definition;

const namesOf = async (source: ExportSource, ids: readonly (string | null)[]) => {
  const present = ids.filter((id): id is string => id !== null);
  const rows = await q.findDisplayNames(source.ctx.db, present);
  return new Map(rows.map((row) => [row.id, row.name]));
};

async function collectPlans(source: ExportSource) {
  const { db } = source.ctx;
  const person = source.person;
  const plans = await listPlansOfOwner(db, person.id);
  const planIds = plans.map((plan) => plan.id);
  const [shares, revisions] = await Promise.all([
    q.listPlanSharesOf(db, planIds),
    q.listPlanRevisionsOf(db, planIds),
  ]);
  const grantees = await namesOf(
    source,
    shares.map((share) => (share.grantee === "manager" ? null : share.grantee)),
  );
  return Promise.all(
    plans.map(async (plan) => {
      const [sections, goals, energy, entries] = await Promise.all([
        listSections(db, plan.id, documentSectionKeys),
        listGoals(db, plan.id),
        energyOverview(db, plan.id),
        listEnergyEntries(db, plan.id, {
          since: undefined,
          before: undefined,
          limit: growthPlanLimits.energyEntriesPerPlan,
        }),
      ]);
      const view = presentPlanView({
        plan,
        owner: person,
        relation: "owner",
        readable: [...growthPlanSectionKeys],
        sections,
        goals,
        energy,
      });
      const journal: EnergyEntry[] = entries.map(presentEnergyEntry);
      return {
        view,
        journal,
        sharing: shares
          .filter((share) => share.plan_id === plan.id)
          .map((share) => ({
            section: share.section_key,
            sharedWith:
              share.grantee === "manager"
                ? "your manager"
                : (grantees.get(share.grantee) ?? "a former colleague"),
            since: share.created_at,
          })),
        history: revisions
          .filter((revision) => revision.plan_id === plan.id)
          .map((revision) => ({
            version: revision.version,
            part: revision.part,
            change: revision.change,
            restoredFrom: revision.restored_from,
            startedAt: revision.started_at,
            at: revision.at,
            content: revision.content === null ? null : fromJson<unknown>(revision.content),
          })),
      };
    }),
  );
}

async function collectAssessments(source: ExportSource) {
  const { ctx, person, owner } = source;
  const rows = await listAssessmentsOfPerson(ctx.db, person.id);
  const loaded = await withVersions(ctx, rows, new Map([[person.id, person]]));
  const requests = await listRequestsOfAssessments(
    ctx.db,
    loaded.map((entry) => entry.assessment.id),
  );
  const managers = await namesOf(
    source,
    requests.filter((request) => request.relation === "manager").map((r) => r.rater_id),
  );
  const links = await q.listCareerGoalLinksOf(ctx.db, person.id);
  return Promise.all(
    loaded.map(async (entry) => {
      const goalIds = new Map<string, string[]>();
      for (const link of links) {
        if (link.framework_id !== entry.assessment.framework_id) continue;
        goalIds.set(link.competency_key, [
          ...(goalIds.get(link.competency_key) ?? []),
          link.goal_id,
        ]);
      }
      const people = new Map([...managers].map(([id, name]) => [id, { id, name }]));
      return {
        // The owner's own view: their self ratings and evidence, and whom they asked.
        assessment: await viewAssessment(ctx, owner, entry),
        // Raters' answers only as the product shows them to the owner: the manager's rating
        // by name, peers' only as an average once enough have answered.
        gapAnalysis: gapAnalysisOf(
          entry,
          requests.filter((request) => request.assessment_id === entry.assessment.id),
          people,
          goalIds,
        ),
      };
    }),
  );
}

/** Feedback the person gave: their own answers only, with whom they answered. */
async function collectFeedbackGiven(source: ExportSource) {
  const { ctx, person } = source;
  const requests = await listRequestsForRater(ctx.db, person.id);
  const assessments = await listAssessmentsByIds(
    ctx.db,
    requests.map((request) => request.assessment_id),
  );
  const ownerOf = new Map(assessments.map((row) => [row.id, row.person_id]));
  const names = await namesOf(
    source,
    assessments.map((row) => row.person_id),
  );
  return requests.map((request) => ({
    id: request.id,
    askedBy: names.get(ownerOf.get(request.assessment_id) ?? "") ?? "a former colleague",
    relation: request.relation,
    status: request.status,
    message: request.message,
    dueOn: request.due_on,
    askedAt: request.created_at,
    answeredAt: request.answered_at,
    yourAnswers: request.ratings ?? [],
  }));
}

async function collectConversations(source: ExportSource) {
  const { ctx, person, owner } = source;
  const ids = await q.listConversationIdsOf(ctx.db, person.id);
  const views = [];
  for (const id of ids) {
    const row = await findExportConversation(ctx.db, id);
    if (!row) continue;
    const guests = await listGuestsOf(ctx.db, id);
    const role =
      row.member_id === person.id ? "member" : row.manager_id === person.id ? "manager" : "guest";
    // Shared notes, action items and the person's OWN private note; never another's.
    views.push({ role, ...(await buildExport(ctx, owner, row, guests)) });
  }
  return views;
}

export const exportSections = {
  profile: section({
    title: "Profile",
    holds:
      "Your directory entry (without the password hash), your manager's name, your sign-in sessions (without their secret tokens), invitations and account notices.",
    collect: async (source) => {
      const {
        password_hash: _passwordHash,
        search_text: _s,
        sort_name: _n,
        ...person
      } = source.person;
      const { db } = source.ctx;
      const [manager, sessions, invitations, notices] = await Promise.all([
        namesOf(source, [person.manager_id]),
        q.listSessionsOf(db, person.id),
        q.listInvitationsOf(db, person.id),
        q.listNoticesOf(db, person.id),
      ]);
      return {
        person: {
          ...person,
          hasPassword: source.person.password_hash !== null,
          managerName: person.manager_id ? (manager.get(person.manager_id) ?? null) : null,
        },
        sessions,
        invitations,
        notices,
      };
    },
  }),
  pathway: section({
    title: "Pathway progress",
    holds:
      "The onboarding and growth pathways assigned to you, what you marked done or hid, with your notes and evidence, and your own items.",
    collect: async ({ ctx, person }) => {
      const [assignments, progress, customItems] = await Promise.all([
        q.listPathwayAssignmentsOf(ctx.db, person.id),
        q.listPathwayProgressOf(ctx.db, person.id),
        q.listPathwayCustomItemsOf(ctx.db, person.id),
      ]);
      return {
        assignments,
        progress,
        customItems: customItems.map((item) => ({ ...item, links: fromJson<unknown>(item.links) })),
      };
    },
  }),
  growthPlans: section({
    title: "Growth plans",
    holds:
      "Every growth plan of yours: each section (goals and their action steps, check-ins, reflections, accomplishments…), the energy journal, who each section is shared with, the history of changes, and the comments you wrote on any plan.",
    collect: async (source) => ({
      plans: await collectPlans(source),
      commentsYouWrote: await q.listCommentsWrittenBy(source.ctx.db, source.person.id),
    }),
  }),
  career: section({
    title: "Career assessments",
    holds:
      "Your current and target role, your own assessments (your self ratings and evidence, whom you asked for feedback), the gap analysis as Trellis shows it to you (your manager's rating, peers only as an average), and the feedback you gave others: your own answers only.",
    collect: async (source) => {
      const [position, assessments, feedbackYouGave] = await Promise.all([
        q.findCareerPositionOf(source.ctx.db, source.person.id),
        collectAssessments(source),
        collectFeedbackGiven(source),
      ]);
      return { position: position ?? null, assessments, feedbackYouGave };
    },
  }),
  conversations: section({
    title: "Career conversations",
    holds:
      "Every conversation you took part in (as member, manager or guest): the agenda with the shared notes, the action items, the acknowledgement and your own private note. Another participant's private note is never included.",
    collect: collectConversations,
  }),
  learning: section({
    title: "Learning",
    holds: "The learning resources you bookmarked.",
    collect: async ({ ctx, person }) => ({
      bookmarks: await q.listBookmarksOf(ctx.db, person.id),
    }),
  }),
  liveLearning: section({
    title: "Live learning",
    holds: "Your sign-ups (RSVPs) for live sessions and the sessions you host.",
    collect: async ({ ctx, person }) => ({
      rsvps: await q.listRsvpsOf(ctx.db, person.id),
      hosting: await q.listHostedSessionsOf(ctx.db, person.id),
    }),
  }),
  mentorship: section({
    title: "Mentorship",
    holds:
      "Your applications as a mentee, your registrations as a mentor, your matches with their agreed goals, and the programs you own or belong to.",
    collect: async ({ ctx, person }) => {
      const [programs, mentor, applications, matches] = await Promise.all([
        q.listMentorshipProgramRelationsOf(ctx.db, person.id),
        q.listMentorRegistrationsOf(ctx.db, person.id),
        q.listMentorshipApplicationsOf(ctx.db, person.id),
        q.listMentorshipMatchesOf(ctx.db, person.id),
      ]);
      const names = await q.findDisplayNames(
        ctx.db,
        matches.flatMap((match) => [match.mentor_person_id, match.mentee_person_id]),
      );
      const nameOf = new Map(names.map((row) => [row.id, row.name]));
      return {
        programs,
        mentorRegistrations: mentor.map((row) => ({
          ...row,
          skills: fromJson<unknown>(row.skills),
        })),
        applications: applications.map((row) => ({
          ...row,
          skills_wanted: fromJson<unknown>(row.skills_wanted),
        })),
        matches: matches.map(({ mentor_person_id, mentee_person_id, ...match }) => ({
          ...match,
          you: mentor_person_id === person.id ? "mentor" : "mentee",
          mentor: nameOf.get(mentor_person_id) ?? null,
          mentee: nameOf.get(mentee_person_id) ?? null,
        })),
      };
    },
  }),
  shadowPrograms: section({
    title: "Shadow programs",
    holds:
      "Your applications to shadow rotations with the decisions on them, the programs you run and the rotations you host.",
    collect: async ({ ctx, person }) => ({
      applications: await q.listShadowApplicationsOf(ctx.db, person.id),
      programsYouRun: await q.listShadowProgramsOwnedBy(ctx.db, person.id),
      rotationsYouHost: await q.listShadowRotationsHostedBy(ctx.db, person.id),
    }),
  }),
  benefits: section({
    title: "Growth and development benefit",
    holds:
      "Your funding requests with their decisions and receipts, and your own yearly amount if one is set.",
    collect: async ({ ctx, person }) => {
      const requests = await q.listBenefitRequestsOf(ctx.db, person.id);
      const receipts = await q.listBenefitReceiptsOf(
        ctx.db,
        requests.map((request) => request.id),
      );
      return {
        override: (await q.findBenefitOverrideOf(ctx.db, person.id)) ?? null,
        requests: requests.map((request) => ({
          ...request,
          receipts: receipts.filter((receipt) => receipt.request_id === request.id),
        })),
      };
    },
  }),
  notifications: section({
    title: "Notifications",
    holds: "Your notifications, your notification preferences and email digest settings.",
    collect: async ({ ctx, person }) => {
      const [notifications, preferences, settings] = await Promise.all([
        q.listNotificationsOf(ctx.db, person.id),
        q.listNotificationPreferencesOf(ctx.db, person.id),
        q.findNotificationSettingsOf(ctx.db, person.id),
      ]);
      return { notifications, preferences, settings: settings ?? null };
    },
  }),
  calendar: section({
    title: "Calendar feed",
    holds:
      "Your calendar feed settings: whether it is on and what it includes (never the feed's secret address).",
    collect: async ({ ctx, person }) => {
      const feed = await q.findCalendarFeedOf(ctx.db, person.id);
      return {
        feed: feed
          ? {
              on: Boolean(feed.feed_on),
              since: feed.token_created_at,
              includeTitles: fromJson<unknown>(feed.include_titles),
              learningBlocks: fromJson<unknown>(feed.learning_blocks),
              createdAt: feed.created_at,
              updatedAt: feed.updated_at,
            }
          : null,
      };
    },
  }),
  identity: section({
    title: "Sign-in and API access",
    holds:
      "Your API tokens (name, scopes, dates; never the token or its hash), the single sign-on identities linked to you, and the directory groups you belong to.",
    collect: async ({ ctx, person }) => {
      const [tokens, ssoIdentities, groups] = await Promise.all([
        q.listApiTokensOf(ctx.db, person.id),
        q.listSsoIdentitiesOf(ctx.db, person.id),
        q.listScimGroupsOf(ctx.db, person.id),
      ]);
      return {
        apiTokens: tokens.map((token) => ({ ...token, scopes: fromJson<unknown>(token.scopes) })),
        ssoIdentities,
        groups: groups.map((group) => group.display_name),
      };
    },
  }),
} satisfies Record<string, Section<unknown>>;

export type ExportSectionKey = keyof typeof exportSections;
export type PersonalData = {
  [K in ExportSectionKey]: Awaited<ReturnType<(typeof exportSections)[K]["collect"]>>;
};

export async function collectPersonalData(source: ExportSource): Promise<PersonalData> {
  const data: Partial<Record<ExportSectionKey, unknown>> = {};
  // One section at a time: the export is one person's data, and the pool is shared.
  for (const [key, entry] of Object.entries(exportSections)) {
    data[key as ExportSectionKey] = await entry.collect(source);
  }
  return data as PersonalData;
}

/** SQLite's full-text index of the learning directory (derived from learning_resources). */
export const isSearchIndexTable = (table: string) => /^learning_resources_fts(_|$)/.test(table);

/** Every table of the schema: the section that exports it, or why it is not exported. */
export type TableDecision = { section: ExportSectionKey; note?: string } | { notExported: string };

export const tableDecisions: Record<keyof Database, TableDecision> = {
  people: {
    section: "profile",
    note: "the person's own row without password_hash; the manager by name",
  },
  sessions: { section: "profile", note: "without token_hash" },
  invitations: { section: "profile", note: "dates only, without token_hash" },
  notices: { section: "profile" },
  audit_events: {
    notExported:
      "the organisation's security record; an administrator can read the entries about a person in the audit log",
  },
  sign_in_attempts: {
    notExported: "short-lived throttling counters by email, not personal content",
  },
  installation: { notExported: "who set up the installation; installation data" },
  pathway_templates: { notExported: "organisation content; an assigned template appears by name" },
  pathway_stages: {
    notExported: "organisation content; stages appear as the stage of each progress row",
  },
  pathway_items: { notExported: "organisation content; items appear by title in progress rows" },
  pathway_assignments: { section: "pathway", note: "without who assigned it" },
  pathway_progress: { section: "pathway" },
  pathway_custom_items: { section: "pathway" },
  growth_plans: { section: "growthPlans" },
  growth_plan_sections: { section: "growthPlans" },
  growth_plan_goals: { section: "growthPlans" },
  growth_plan_revisions: { section: "growthPlans", note: "the history of the person's own plans" },
  growth_plan_shares: {
    section: "growthPlans",
    note: "the sharing of the person's own plans; shares of other people's plans with the person are theirs",
  },
  growth_plan_comments: {
    section: "growthPlans",
    note: "comments the person wrote, on any plan; others' comments are their words",
  },
  energy_entries: { section: "growthPlans", note: "the energy journal of the person's plans" },
  growth_plan_templates: { notExported: "organisation content" },
  reflection_prompts: { notExported: "organisation content" },
  career_frameworks: { notExported: "organisation content" },
  career_framework_versions: {
    notExported: "organisation content; assessments name their framework and role",
  },
  career_positions: { section: "career" },
  career_assessments: {
    section: "career",
    note: "the person's own assessments with their self ratings",
  },
  career_feedback_requests: {
    section: "career",
    note: "on the person's assessments: whom they asked, and answers only through the gap analysis (peers averaged); as rater: the person's own answers",
  },
  career_goal_links: { section: "career", note: "inside the gap analysis of each assessment" },
  notifications: { section: "notifications" },
  notification_preferences: { section: "notifications" },
  notification_settings: { section: "notifications" },
  outbox_messages: {
    notExported: "emails waiting to be sent, made from the notifications already exported",
  },
  scheduled_occurrences: { notExported: "scheduler bookkeeping" },
  calendar_feeds: { section: "calendar", note: "without token_hash" },
  calendar_feed_events: {
    notExported: "what the feed last served; derived from the exported data",
  },
  reminder_dates: {
    notExported: "upcoming reminders derived from plans, requests and conversations",
  },
  scheduler_state: { notExported: "scheduler bookkeeping" },
  installation_secrets: { notExported: "installation secrets" },
  conversation_templates: {
    notExported: "organisation content; each conversation carries its agenda",
  },
  career_conversations: { section: "conversations" },
  conversation_guests: { section: "conversations", note: "guests by name" },
  conversation_shared_notes: { section: "conversations" },
  conversation_private_notes: {
    section: "conversations",
    note: "only the person's own private notes; never another participant's",
  },
  conversation_action_items: { section: "conversations" },
  conversation_settings: { notExported: "organisation settings" },
  content_pages: { notExported: "organisation content" },
  conversation_invitation_sequences: { notExported: "calendar invitation bookkeeping" },
  live_learning_series: { notExported: "organisation content" },
  live_sessions: { section: "liveLearning", note: "sessions the person hosts, by title and time" },
  live_session_rsvps: { section: "liveLearning", note: "without who recorded attendance" },
  mentorship_programs: { notExported: "organisation content; programs appear by name" },
  mentorship_program_people: { section: "mentorship" },
  mentorship_mentors: { section: "mentorship" },
  mentorship_applications: { section: "mentorship", note: "the person's own applications" },
  mentorship_matches: {
    section: "mentorship",
    note: "matches as mentor or mentee, the other by name",
  },
  shadow_programs: { notExported: "organisation content; programs appear by name" },
  shadow_program_owners: { section: "shadowPrograms" },
  shadow_rotations: { section: "shadowPrograms", note: "rotations the person hosts" },
  shadow_applications: {
    section: "shadowPrograms",
    note: "the person's own applications with the decisions and notes they were shown; decisions on others' applications are part of those",
  },
  benefit_settings: { notExported: "organisation settings" },
  benefit_overrides: { section: "benefits" },
  benefit_requests: {
    section: "benefits",
    note: "the person's own requests; decisions on others' requests are part of those",
  },
  benefit_receipts: { section: "benefits" },
  api_tokens: { section: "identity", note: "without token_hash" },
  sso_providers: { notExported: "organisation settings; identities name their provider" },
  sso_identities: { section: "identity" },
  sso_sign_in_states: { notExported: "sign-ins in progress; no person reference" },
  sso_used_nonces: { notExported: "replay protection; no person reference" },
  identity_settings: { notExported: "organisation settings" },
  scim_groups: { notExported: "organisation groups; the person's groups appear by name" },
  scim_group_members: { section: "identity" },
  learning_resources: { notExported: "organisation content; bookmarks carry the title" },
  learning_resource_skills: { notExported: "organisation content" },
  learning_bookmarks: { section: "learning" },
  learning_terms: { notExported: "search index" },
  learning_directory_state: { notExported: "cache version" },
};
