import { z } from "zod";
import { ErrorBody } from "../errors.ts";
import { BaseVersion } from "../growth-plan/saving.schemas.ts";
import { GrowthPlanSectionKey } from "../growth-plan/sections.schemas.ts";

/**
 * Mentorship programs, mentors' registrations, mentees' applications, suggested and confirmed
 * matches (docs/api/mentorship.md). An application's goals and preferences are read by the
 * mentee, the program's owners and admins only.
 */

export const mentorshipLimits = {
  name: 200,
  description: 20_000,
  groupName: 200,
  department: 200,
  owners: 20,
  members: 500,
  cohorts: 20,
  cohortName: 100,
  skills: 20,
  skill: 60,
  capacity: 10,
  timeZone: 64,
  division: 200,
  bio: 1_000,
  goals: 4_000,
  preferences: 2_000,
  agreedGoals: 10_000,
  suggestionsPerApplication: 5,
} as const;

const text = (max: number) =>
  z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);
const requiredText = (max: number, message: string) =>
  z.string().trim().min(1, message).pipe(text(max));

const Id = z.uuid("Not a valid id");
const Day = z.iso.date("Use a date like 2027-01-31");

export const ProgramIdParams = z.strictObject({ programId: Id });
export const MatchIdParams = z.strictObject({ matchId: Id });

export const mentorshipAudiences = ["everyone", "department", "members"] as const;
export const MentorshipAudience = z.enum(mentorshipAudiences);
export type MentorshipAudience = z.infer<typeof MentorshipAudience>;

export const MentorshipPerson = z.object({
  id: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
});
export type MentorshipPerson = z.infer<typeof MentorshipPerson>;

export const MentorshipCohort = z.object({
  id: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type MentorshipCohort = z.infer<typeof MentorshipCohort>;

const CohortInput = z
  .strictObject({
    /** Kept when editing a cohort; a new one gets its id from the server. */
    id: Id.optional(),
    name: requiredText(mentorshipLimits.cohortName, "Give the cohort a name"),
    startsOn: Day,
    endsOn: Day,
  })
  .refine((cohort) => cohort.startsOn <= cohort.endsOn, {
    message: "A cohort ends on or after the day it starts",
    path: ["endsOn"],
  });

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

export const ProgramBody = z
  .strictObject({
    name: requiredText(mentorshipLimits.name, "Give the program a name"),
    description: text(mentorshipLimits.description),
    audience: MentorshipAudience,
    groupName: text(mentorshipLimits.groupName).trim().optional(),
    groupDepartment: text(mentorshipLimits.department).trim().optional(),
    memberIds: z
      .array(Id)
      .max(mentorshipLimits.members, `Name at most ${mentorshipLimits.members} members`)
      .refine(uniqueIds, "Name each person once")
      .optional(),
    ownerIds: z
      .array(Id)
      .min(1, "Name at least one owner")
      .max(mentorshipLimits.owners, `Name at most ${mentorshipLimits.owners} owners`)
      .refine(uniqueIds, "Name each person once"),
    cohorts: z
      .array(CohortInput)
      .max(mentorshipLimits.cohorts, `Add at most ${mentorshipLimits.cohorts} cohorts`),
    open: z.boolean(),
  })
  .superRefine((body, context) => {
    if (body.audience === "department" && !body.groupDepartment) {
      context.addIssue({
        code: "custom",
        path: ["groupDepartment"],
        message: "Name the department that takes part",
      });
    }
    if (body.audience === "members" && (body.memberIds ?? []).length === 0) {
      context.addIssue({
        code: "custom",
        path: ["memberIds"],
        message: "Name the group's members",
      });
    }
  });
export type ProgramBody = z.infer<typeof ProgramBody>;

export const UpdateProgramBody = z.strictObject({
  baseVersion: BaseVersion,
  program: ProgramBody,
});
export type UpdateProgramBody = z.infer<typeof UpdateProgramBody>;

export const Skills = z
  .array(requiredText(mentorshipLimits.skill, "A skill needs a name"))
  .max(mentorshipLimits.skills, `Name at most ${mentorshipLimits.skills} skills`);

export const MentorView = z.object({
  id: z.string(),
  person: MentorshipPerson,
  skills: z.array(z.string()),
  capacity: z.int(),
  capacityLeft: z.int(),
  timeZone: z.string(),
  division: z.string(),
  bio: z.string(),
  status: z.enum(["active", "withdrawn"]),
  version: z.int(),
});
export type MentorView = z.infer<typeof MentorView>;

export const MentorList = z.object({ items: z.array(MentorView) });
export type MentorList = z.infer<typeof MentorList>;

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const TimeZone = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .max(mentorshipLimits.timeZone, "Not a time zone")
  .refine(isTimeZone, "Not a time zone, e.g. Europe/Paris");

export const SaveMentorBody = z.strictObject({
  /** null when registering for the first time (or again after withdrawing). */
  baseVersion: BaseVersion.nullable(),
  skills: Skills.min(1, "Name at least one skill you can help with"),
  capacity: z
    .int("Use a whole number")
    .min(1, "Take at least one mentee")
    .max(mentorshipLimits.capacity, `Take at most ${mentorshipLimits.capacity} mentees`),
  timeZone: TimeZone,
  division: text(mentorshipLimits.division).trim(),
  bio: text(mentorshipLimits.bio),
});
export type SaveMentorBody = z.infer<typeof SaveMentorBody>;

export const ApplicationView = z.object({
  id: z.string(),
  person: MentorshipPerson,
  cohortId: z.string().nullable(),
  goals: z.string(),
  skillsWanted: z.array(z.string()),
  preferences: z.string(),
  status: z.enum(["open", "matched", "withdrawn"]),
  version: z.int(),
  createdAt: z.string(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const SaveApplicationBody = z.strictObject({
  baseVersion: BaseVersion.nullable(),
  cohortId: Id.nullable(),
  goals: requiredText(mentorshipLimits.goals, "Say what you want to grow in"),
  skillsWanted: Skills.min(1, "Name at least one skill you want to develop"),
  preferences: text(mentorshipLimits.preferences),
});
export type SaveApplicationBody = z.infer<typeof SaveApplicationBody>;

export const WithdrawBody = z.strictObject({ baseVersion: BaseVersion });

export const ProgramSummary = z.object({
  id: z.string(),
  name: z.string(),
  audience: MentorshipAudience,
  groupName: z.string().nullable(),
  open: z.boolean(),
  cohorts: z.array(MentorshipCohort),
  /** The viewer's part in it. */
  viewer: z.object({
    owner: z.boolean(),
    mentor: z.enum(["active", "withdrawn"]).nullable(),
    mentee: z.enum(["open", "matched", "withdrawn"]).nullable(),
  }),
});
export type ProgramSummary = z.infer<typeof ProgramSummary>;

export const ProgramList = z.object({ items: z.array(ProgramSummary) });
export type ProgramList = z.infer<typeof ProgramList>;

export const ProgramView = ProgramSummary.extend({
  description: z.string(),
  groupDepartment: z.string().nullable(),
  owners: z.array(MentorshipPerson),
  /** Only to those who manage the program (owners, admins). */
  members: z.array(MentorshipPerson).nullable(),
  version: z.int(),
  canManage: z.boolean(),
  /** The viewer's own registration and application. */
  myMentor: MentorView.nullable(),
  myApplication: ApplicationView.nullable(),
});
export type ProgramView = z.infer<typeof ProgramView>;

export const ProgramConflict = ErrorBody.extend({ current: ProgramView });
export const MentorConflict = ErrorBody.extend({ current: MentorView });
export const ApplicationConflict = ErrorBody.extend({ current: ApplicationView });

export const scoreParts = ["skills", "gaps", "timeZone", "division", "capacity"] as const;
export const ScorePartKey = z.enum(scoreParts);
export type ScorePartKey = z.infer<typeof ScorePartKey>;

export const ScorePart = z.object({
  key: ScorePartKey,
  points: z.int(),
  max: z.int(),
  /** Why, in words: "Shares 2 skills wanted: Negotiation, SQL". Never a rating. */
  reason: z.string(),
});
export type ScorePart = z.infer<typeof ScorePart>;

export const SuggestedMatch = z.object({
  mentor: MentorView,
  score: z.int(),
  parts: z.array(ScorePart),
});
export type SuggestedMatch = z.infer<typeof SuggestedMatch>;

export const MatchSummary = z.object({
  id: z.string(),
  mentor: MentorshipPerson,
  mentee: MentorshipPerson,
  score: z.int(),
  status: z.enum(["active", "ended"]),
  createdAt: z.string(),
});
export type MatchSummary = z.infer<typeof MatchSummary>;

export const ApplicationWithSuggestions = z.object({
  application: ApplicationView,
  match: MatchSummary.nullable(),
  suggestions: z.array(SuggestedMatch),
});

export const SuggestionList = z.object({ items: z.array(ApplicationWithSuggestions) });
export type SuggestionList = z.infer<typeof SuggestionList>;

export const ConfirmMatchBody = z.strictObject({ applicationId: Id, mentorId: Id });

export const MatchView = MatchSummary.extend({
  program: z.object({ id: z.string(), name: z.string() }),
  /** Which side the viewer is on. */
  viewerRole: z.enum(["mentor", "mentee", "manager"]),
  mentorProfile: z.object({
    skills: z.array(z.string()),
    timeZone: z.string(),
    division: z.string(),
    bio: z.string(),
  }),
  agreedGoals: z.string(),
  version: z.int(),
  updatedAt: z.string(),
});
export type MatchView = z.infer<typeof MatchView>;

export const MatchList = z.object({ items: z.array(MatchView) });
export type MatchList = z.infer<typeof MatchList>;

export const SaveAgreedGoalsBody = z.strictObject({
  baseVersion: BaseVersion,
  agreedGoals: text(mentorshipLimits.agreedGoals),
});
export const MatchConflict = ErrorBody.extend({ current: MatchView });

export const SharePlanBody = z.strictObject({
  sections: z
    .array(GrowthPlanSectionKey)
    .min(1, "Choose at least one section")
    .refine((keys) => new Set(keys).size === keys.length, "Name each section once"),
});
export const SharePlanResult = z.object({
  planId: z.string(),
  sections: z.array(GrowthPlanSectionKey),
});
