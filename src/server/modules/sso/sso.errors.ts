import type { IdentitySettings, SsoProviderView } from "#core/sso.schemas.ts";
import { ConflictError } from "#server/errors.ts";

export class SsoProviderConflictError extends ConflictError<SsoProviderView> {
  constructor(current: SsoProviderView) {
    super("This provider was changed since you opened it. Review the current settings.", current);
  }
}

export class IdentitySettingsConflictError extends ConflictError<IdentitySettings> {
  constructor(current: IdentitySettings) {
    super("The identity settings were changed since you opened them. Review them again.", current);
  }
}
