import { definePolicies } from "#server/policies.ts";

/**
 * Unsubscribe links need no session: the signed token is the credential. A token that does not
 * verify, or names nobody, answers 404 like any unknown link.
 */
export const emailPolicies = definePolicies("email", {
  unsubscribe: (link: { signatureValid: boolean; personExists: boolean }): boolean =>
    link.signatureValid && link.personExists,
});
