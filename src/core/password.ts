import { z } from "zod";

export const passwordMinLength = 12;
export const passwordMaxLength = 256;

/** Length is the only rule: no composition rules (NIST SP 800-63B). */
export const NewPassword = z
  .string()
  .min(passwordMinLength, `Use at least ${passwordMinLength} characters`)
  .max(passwordMaxLength, `Use at most ${passwordMaxLength} characters`);
