import type { ScorePart } from "./mentorship.schemas.ts";

/**
 * The explained score of one mentor for one mentee: every part says what it counted and why,
 * so whoever confirms a match can see the reasons, not only a number. Gaps are competency names
 * from the mentee's latest assessment; no rating is ever part of the input.
 */

export const scoreWeights = {
  /** Per skill wanted the mentor offers, at most three. */
  skill: 15,
  skillsMax: 45,
  /** Per gap the mentor's skills cover, at most two. */
  gap: 10,
  gapsMax: 20,
  /** Per working hour the two days share (a 9–17 day in each zone). */
  overlapHour: 2,
  timeZoneMax: 16,
  division: 10,
  /** Per place left, at most two. */
  place: 5,
  capacityMax: 10,
} as const;

export type MentorCandidate = {
  skills: readonly string[];
  timeZone: string;
  division: string;
  capacity: number;
  matched: number;
};

export type MenteeNeeds = {
  skillsWanted: readonly string[];
  /** Names of the competencies the latest assessment finds below expectation. */
  gaps: readonly string[];
  timeZone: string | null;
  division: string | null;
};

const normalise = (value: string) => value.trim().toLocaleLowerCase("en").replace(/\s+/g, " ");

const listed = (names: readonly string[]) => names.join(", ");

/** The names of `wanted` that some mentor skill covers (equal, or one contains the other). */
export function coveredBy(wanted: readonly string[], offered: readonly string[]): string[] {
  const skills = offered.map(normalise).filter((skill) => skill.length > 0);
  return wanted.filter((name) => {
    const want = normalise(name);
    return (
      want.length > 0 &&
      skills.some(
        (skill) =>
          skill === want ||
          (skill.length >= 3 && want.includes(skill)) ||
          (want.length >= 3 && skill.includes(want)),
      )
    );
  });
}

/** The zone's offset from UTC in minutes at `at`; null for an unknown zone. */
export function zoneOffsetMinutes(timeZone: string, at: Date): number | null {
  try {
    const name =
      new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
        .formatToParts(at)
        .find((part) => part.type === "timeZoneName")?.value ?? "";
    const found = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(name);
    if (!found) return null;
    if (!found[1]) return 0;
    const minutes = Number(found[2]) * 60 + Number(found[3] ?? 0);
    return found[1] === "-" ? -minutes : minutes;
  } catch {
    return null;
  }
}

const utcLabel = (minutes: number) => {
  const sign = minutes < 0 ? "-" : "+";
  const whole = Math.abs(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
};

/** Hours shared by a 9:00–17:00 working day in each zone (0 to 8). */
export function workingHoursOverlap(offsetA: number, offsetB: number): number {
  const difference = Math.abs(offsetA - offsetB) % (24 * 60);
  const apart = Math.min(difference, 24 * 60 - difference);
  return Math.max(0, 8 * 60 - apart) / 60;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

export function scoreMatch(
  mentor: MentorCandidate,
  mentee: MenteeNeeds,
  at: Date,
): { score: number; parts: ScorePart[] } {
  const shared = coveredBy(mentee.skillsWanted, mentor.skills);
  const skills: ScorePart = {
    key: "skills",
    max: scoreWeights.skillsMax,
    points: Math.min(scoreWeights.skillsMax, shared.length * scoreWeights.skill),
    reason:
      shared.length > 0
        ? `Offers ${plural(shared.length, "skill")} wanted: ${listed(shared)}`
        : "Offers none of the skills wanted",
  };

  const gapsCovered = coveredBy(mentee.gaps, mentor.skills);
  const gaps: ScorePart = {
    key: "gaps",
    max: scoreWeights.gapsMax,
    points: Math.min(scoreWeights.gapsMax, gapsCovered.length * scoreWeights.gap),
    reason:
      mentee.gaps.length === 0
        ? "No gaps from a career assessment"
        : gapsCovered.length > 0
          ? `Matches a gap in ${listed(gapsCovered)}`
          : "Matches none of the assessment's gaps",
  };

  const mentorOffset = zoneOffsetMinutes(mentor.timeZone, at);
  const menteeOffset = mentee.timeZone ? zoneOffsetMinutes(mentee.timeZone, at) : null;
  const hours =
    mentorOffset === null || menteeOffset === null
      ? null
      : workingHoursOverlap(mentorOffset, menteeOffset);
  const timeZone: ScorePart = {
    key: "timeZone",
    max: scoreWeights.timeZoneMax,
    points: hours === null ? 0 : Math.round(hours * scoreWeights.overlapHour),
    reason:
      hours === null || mentorOffset === null || menteeOffset === null
        ? "The mentee's time zone is not known"
        : `${plural(hours, "working hour")} overlap (${utcLabel(mentorOffset)} and ${utcLabel(menteeOffset)})`,
  };

  const mentorDivision = normalise(mentor.division);
  const menteeDivision = normalise(mentee.division ?? "");
  const different =
    mentorDivision !== "" && menteeDivision !== "" && mentorDivision !== menteeDivision;
  const division: ScorePart = {
    key: "division",
    max: scoreWeights.division,
    points: different ? scoreWeights.division : 0,
    reason:
      mentorDivision === "" || menteeDivision === ""
        ? "A division is not known"
        : different
          ? `Different division (${mentor.division} and ${mentee.division})`
          : `Same division (${mentor.division})`,
  };

  const left = Math.max(0, mentor.capacity - mentor.matched);
  const capacity: ScorePart = {
    key: "capacity",
    max: scoreWeights.capacityMax,
    points: Math.min(scoreWeights.capacityMax, left * scoreWeights.place),
    reason: `${plural(left, "place")} left of ${mentor.capacity}`,
  };

  const parts = [skills, gaps, timeZone, division, capacity];
  return { score: parts.reduce((sum, part) => sum + part.points, 0), parts };
}
