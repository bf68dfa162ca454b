import type {
  BenefitOverride,
  BenefitRequestView,
  BenefitSettings,
} from "#core/benefits.schemas.ts";
import { ConflictError } from "#server/errors.ts";

export class BenefitSettingsConflictError extends ConflictError<BenefitSettings> {
  constructor(current: BenefitSettings) {
    super(
      "The benefit settings were changed meanwhile, in another window or by someone else. Nothing was overwritten: compare and save again.",
      current,
    );
  }
}

export class BenefitOverrideConflictError extends ConflictError<BenefitOverride> {
  constructor(current: BenefitOverride) {
    super(
      "This person's amount was changed meanwhile. Nothing was overwritten: compare and save again.",
      current,
    );
  }
}

/** The request moved on (decided, withdrawn) or would overspend: `current` is what is stored. */
export class BenefitRequestConflictError extends ConflictError<BenefitRequestView> {}
