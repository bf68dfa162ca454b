import { PasswordInput, type PasswordInputProps } from "@mantine/core";
import { passwordMinLength } from "#core/password.ts";

/** The input where someone chooses a password, with the rule it must follow. */
export function NewPasswordInput(props: PasswordInputProps) {
  return (
    <PasswordInput
      label="Password"
      description={`At least ${passwordMinLength} characters. A few unrelated words make a strong, memorable password.`}
      autoComplete="new-password"
      required
      {...props}
    />
  );
}
