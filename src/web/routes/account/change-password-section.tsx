import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { ChangePasswordBody } from "#core/auth.schemas.ts";
import { changePassword } from "../../api/account.api.ts";
import { accountSessionsQuery } from "../../api/queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { NewPasswordInput } from "../../components/new-password-input.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";

export function ChangePasswordSection() {
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: ChangePasswordBody,
    initialValues: { currentPassword: "", newPassword: "" },
    submit: changePassword,
    onSuccess: () => {
      form.reset();
      notifications.show({
        color: "green",
        title: "Password changed",
        message: "Every other device has been signed out.",
      });
      void queryClient.invalidateQueries({ queryKey: accountSessionsQuery.queryKey });
    },
  });

  return (
    <TitledSection
      title="Change password"
      description="Changing your password signs you out on every other device."
    >
      <form noValidate onSubmit={onSubmit}>
        <Stack maw={420}>
          <FormErrorAlert message={formError} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            key={form.key("currentPassword")}
            {...form.getInputProps("currentPassword")}
          />
          <NewPasswordInput
            label="New password"
            key={form.key("newPassword")}
            {...form.getInputProps("newPassword")}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </TitledSection>
  );
}
