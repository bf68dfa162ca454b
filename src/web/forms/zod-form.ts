import { schemaResolver } from "@mantine/form";
import type { z } from "zod";

/**
 * Validation and submit-time parsing for a Mantine form from the same zod schema the server
 * checks, so both sides agree on every rule and message. Submitted values are the schema's
 * output (trimmed, normalised).
 */
export function zodForm<Schema extends z.ZodType<unknown, Record<string, unknown>>>(
  schema: Schema,
) {
  return {
    validate: schemaResolver(schema, { sync: true }),
    transformValues: (values: z.input<Schema>): z.output<Schema> => schema.parse(values),
    // Mantine marks only some inputs (not PasswordInput) invalid for assistive technology.
    enhanceGetInputProps: ({ inputProps }: { inputProps: { error?: unknown } }) => ({
      "aria-invalid": inputProps.error ? true : undefined,
    }),
  };
}
