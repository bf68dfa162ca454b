import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ChangePasswordBody } from "#core/auth.schemas.ts";
import { passwordMinLength } from "#core/password.ts";
import { changePassword } from "../../api/account.api.ts";
import { accountSessionsQuery } from "../../api/queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { applyApiErrorToForm } from "../../forms/api-form-errors.ts";
import { zodForm } from "../../forms/zod-form.ts";

export function ChangePasswordSection() {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm({
    mode: "uncontrolled",
    initialValues: { currentPassword: "", newPassword: "" },
    ...zodForm(ChangePasswordBody),
  });

  const changePasswordMutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      form.reset();
      notifications.show({
        color: "green",
        title: "Password changed",
        message: "Every other device has been signed out.",
      });
      void queryClient.invalidateQueries({ queryKey: accountSessionsQuery.queryKey });
    },
    onError: (error) => setFormError(applyApiErrorToForm(form, error)),
  });

  return (
    <TitledSection
      title="Change password"
      description="Changing your password signs you out on every other device."
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          changePasswordMutation.mutate(values);
        })}
      >
        <Stack maw={420}>
          <FormErrorAlert message={formError} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            key={form.key("currentPassword")}
            {...form.getInputProps("currentPassword")}
          />
          <PasswordInput
            label="New password"
            description={`At least ${passwordMinLength} characters.`}
            autoComplete="new-password"
            required
            key={form.key("newPassword")}
            {...form.getInputProps("newPassword")}
          />
          <Group>
            <Button type="submit" loading={changePasswordMutation.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </TitledSection>
  );
}
