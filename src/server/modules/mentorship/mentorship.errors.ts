import type {
  ApplicationView,
  MatchView,
  MentorView,
  ProgramView,
} from "#core/mentorship/mentorship.schemas.ts";
import { ConflictError } from "#server/errors.ts";

const savedMeanwhile = (what: string) =>
  `${what} was saved after you opened it. Nothing was overwritten: compare both versions and save again.`;

export class ProgramConflictError extends ConflictError<ProgramView> {
  constructor(current: ProgramView) {
    super(savedMeanwhile("This program"), current);
  }
}

export class MentorConflictError extends ConflictError<MentorView> {
  constructor(current: MentorView) {
    super(savedMeanwhile("Your mentor registration"), current);
  }
}

export class ApplicationConflictError extends ConflictError<ApplicationView> {
  constructor(current: ApplicationView) {
    super(savedMeanwhile("Your application"), current);
  }
}

export class AgreedGoalsConflictError extends ConflictError<MatchView> {
  constructor(current: MatchView) {
    super(savedMeanwhile("The agreed goals"), current);
  }
}
