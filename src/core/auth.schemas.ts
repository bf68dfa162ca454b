import { z } from "zod";
import { NewPassword, passwordMaxLength } from "./password.ts";
import { CurrentUser, Email, PersonName } from "./people.schemas.ts";

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const SetupBody = z.strictObject({
  name: PersonName,
  email: Email,
  password: NewPassword,
  /** Also load the demo organization (docs/api/people.md, README "Demo organization"). */
  loadDemo: z.boolean().default(false),
});
export type SetupBody = z.infer<typeof SetupBody>;

export const SignInBody = z.strictObject({
  email: z.string().trim().min(1, "Enter your email").max(254, "Use at most 254 characters"),
  password: z
    .string()
    .min(1, "Enter your password")
    .max(passwordMaxLength, `Use at most ${passwordMaxLength} characters`),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z
    .string()
    .min(1, "Enter your current password")
    .max(passwordMaxLength, `Use at most ${passwordMaxLength} characters`),
  newPassword: NewPassword,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const SessionInfo = z.object({
  user: CurrentUser,
  session: z.object({
    createdAt: z.string(),
    idleExpiresAt: z.string(),
    absoluteExpiresAt: z.string(),
  }),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const AccountSession = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  address: z.string().nullable(),
});
export type AccountSession = z.infer<typeof AccountSession>;

export const AccountSessionList = z.object({ sessions: z.array(AccountSession) });
export type AccountSessionList = z.infer<typeof AccountSessionList>;
