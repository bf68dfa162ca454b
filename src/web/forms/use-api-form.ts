import { schemaResolver, useForm } from "@mantine/form";
import { type MutationMeta, useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import type { z } from "zod";
import { ApiError, errorMessage } from "../api/api-error.ts";
import { inputPathsFor } from "./field-paths.ts";

type FormSchema = z.ZodType<unknown, Record<string, unknown>>;

/** Field path (`title`, `content.goals.0.skill`) → its message, as Mantine's form holds them. */
export type FormErrors = Record<string, ReactNode>;

export interface ApiFormOptions<Schema extends FormSchema, Values, Result> {
  /** The request body's schema from `src/core` (or one built on it): the server checks the same. */
  schema: Schema;
  initialValues: Values;
  /** "uncontrolled" (the default) re-renders less; "controlled" for forms that read their values. */
  mode?: "controlled" | "uncontrolled";
  /** Sends the values as the schema outputs them (trimmed, normalised). */
  submit: (values: z.output<Schema>) => Promise<Result>;
  onSuccess?: (result: Result, values: z.output<Schema>) => unknown;
  /** After the error is shown on its fields or the form, e.g. to also send a notification. */
  onError?: (error: unknown) => void;
  mutationMeta?: MutationMeta;
}

/**
 * The one way to write a form: the values are checked by a zod schema (the server's own, so both
 * sides agree on every rule and message), sent through a TanStack Query mutation, and a 400
 * `validation_failed` answer puts each message under the field it names. Any other error, or a
 * message about something the form has no field for, becomes the form's message (`formError`,
 * shown with FormErrorAlert or SaveBar). Either way focus moves to the first input with a message.
 */
export function useApiForm<
  Schema extends FormSchema,
  Result,
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's own bound for a form's values
  Values extends Record<string, any> = z.input<Schema> & Record<string, unknown>,
>(options: ApiFormOptions<Schema, Values, Result>) {
  const { schema } = options;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, z.output<Schema>>({
    mode: options.mode ?? "uncontrolled",
    initialValues: options.initialValues,
    validate: schemaResolver(schema, { sync: true }),
    transformValues: (values) => schema.parse(values),
    // Mantine marks only some inputs (not PasswordInput) invalid for assistive technology.
    enhanceGetInputProps: ({ inputProps }) => ({
      "aria-invalid": inputProps.error ? true : undefined,
    }),
  });

  const mutation = useMutation({
    mutationFn: options.submit,
    ...(options.mutationMeta ? { meta: options.mutationMeta } : {}),
    onSuccess: (result, values) => options.onSuccess?.(result, values),
    onError: (error) => {
      setFormError(applyApiErrorToForm(form, error));
      if (error instanceof ApiError && error.fields) focusFirstError(form, error.fields);
      options.onError?.(error);
    },
  });

  const onSubmit: (event?: FormEvent<HTMLFormElement>) => void = form.onSubmit(
    (values) => {
      setFormError(null);
      mutation.mutate(values);
    },
    (errors) => focusFirstError(form, errors),
  );

  /** Back to the values the form started with (or was last reset to), without messages. */
  const discard = () => {
    setFormError(null);
    form.reset();
  };

  return { form, mutation, onSubmit, formError, setFormError, discard };
}

interface FormWithErrors {
  getValues(): object;
  setErrors(errors: FormErrors): void;
}

/**
 * Shows an API error where the person will look for it: next to the fields it names, or as
 * a message for the whole form. Returns that message, or null when the fields said it all.
 */
function applyApiErrorToForm(form: FormWithErrors, error: unknown): string | null {
  if (!(error instanceof ApiError) || !error.fields) return errorMessage(error);

  const formFields = Object.keys(form.getValues());
  const fieldErrors = Object.entries(error.fields).filter(([path]) =>
    formFields.includes(path.split(".")[0] ?? ""),
  );
  form.setErrors(Object.fromEntries(fieldErrors));
  const coveredEverything = fieldErrors.length === Object.keys(error.fields).length;
  return coveredEverything && fieldErrors.length > 0 ? null : error.message;
}

/** A message may be about an entry of a list input (a target role): focus goes to that input. */
function focusFirstError(
  form: { getInputNode(path: string): HTMLElement | null },
  errors: FormErrors,
) {
  const errorPath = Object.keys(errors)[0] ?? "";
  for (const path of inputPathsFor(errorPath)) {
    const input = form.getInputNode(path);
    if (input) {
      input.focus();
      return;
    }
  }
}
