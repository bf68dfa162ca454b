import type { ReactNode } from "react";
import { ApiError, errorMessage } from "../api/api-error.ts";

interface FormWithErrors {
  getValues(): object;
  setErrors(errors: Record<string, ReactNode>): void;
}

/**
 * Shows an API error where the person will look for it: next to the fields it names, or as
 * a message for the whole form. Returns that message, or null when the fields said it all.
 */
export function applyApiErrorToForm(form: FormWithErrors, error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.fields) return errorMessage(error);

  const formFields = Object.keys(form.getValues());
  const fieldErrors = Object.entries(error.fields).filter(([path]) =>
    formFields.includes(path.split(".")[0] ?? ""),
  );
  form.setErrors(Object.fromEntries(fieldErrors));
  const coveredEverything = fieldErrors.length === Object.keys(error.fields).length;
  return coveredEverything && fieldErrors.length > 0 ? null : error.message;
}
