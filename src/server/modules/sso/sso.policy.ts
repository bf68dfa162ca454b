import type { Actor } from "#server/context.ts";
import { definePolicies } from "#server/policies.ts";

export const ssoPolicies = definePolicies("sso", {
  /** Providers hold the keys to every account: administrators only. */
  manageProviders: (actor: Pick<Actor, "role">): boolean => actor.role === "admin",
  /** Local passwords, the break-glass admin and creating people on first sign-in. */
  manageSettings: (actor: Pick<Actor, "role">): boolean => actor.role === "admin",
  /** Anyone may see which sign-in options there are (the sign-in page's buttons). */
  readSignInOptions: (): boolean => true,
  /** Anyone may start or finish a sign-in with an enabled provider; null: no such provider. */
  signInWith: (provider: { enabled: boolean } | null): boolean => provider?.enabled === true,
  /**
   * A provider's back-channel logout, authorised by its signed logout token (checked in the
   * service): any configured provider, enabled or not, may end the sessions it began.
   */
  logOutFrom: (provider: { id: string } | null): boolean => provider !== null,
});

/**
 * The rules applied inside a sign-in, after the route's own (`signInWith`, `auth.signIn`).
 */
export const ssoSignInRules = {
  /**
   * A first sign-in links to an existing person only by a verified email of a domain allowed for
   * that provider, and never when the person already has an identity of another provider.
   */
  linkIdentity: (facts: {
    emailVerified: boolean;
    domainAllowed: boolean;
    linkedToOtherProvider: boolean;
  }): boolean => facts.emailVerified && facts.domainAllowed && !facts.linkedToOtherProvider,
  /** Creating an unknown person is an admin setting, off by default. */
  createPerson: (facts: { jitEnabled: boolean; domainAllowed: boolean }): boolean =>
    facts.jitEnabled && facts.domainAllowed,
  /** With local passwords off, only the break-glass admin signs in with a password. */
  passwordSignIn: (
    settings: { localPasswordsEnabled: boolean; breakGlassPersonId: string | null },
    personId: string,
  ): boolean => settings.localPasswordsEnabled || settings.breakGlassPersonId === personId,
};
