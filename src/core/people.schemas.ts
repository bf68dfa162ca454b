import { z } from "zod";

export const appRoles = ["member", "admin"] as const;
export const AppRole = z.enum(appRoles);
export type AppRole = z.infer<typeof AppRole>;

export const Email = z
  .string()
  .trim()
  .max(254, "Use at most 254 characters")
  .pipe(z.email("Enter a valid email address"));

export const PersonName = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(200, "Use at most 200 characters");

/** The signed-in person as the web app sees them. */
export const CurrentUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: AppRole,
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** Emails compare case-insensitively; this is the form stored for lookups and uniqueness. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
