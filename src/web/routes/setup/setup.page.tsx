import { Button, Checkbox, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { SetupBody } from "#core/auth.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { createFirstAdmin } from "../../api/auth.api.ts";
import { sessionQuery, setupStatusQuery } from "../../api/session.queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { NewPasswordInput } from "../../components/new-password-input.tsx";
import { PublicPageShell } from "../../components/public-page-shell.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";

export function SetupPage() {
  usePageTitle("Welcome");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: SetupBody,
    initialValues: { name: "", email: "", password: "", loadDemo: false },
    submit: createFirstAdmin,
    onSuccess: (session) => {
      queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
      queryClient.setQueryData(sessionQuery.queryKey, session);
      void navigate({ to: "/" });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "conflict") {
        // Someone else finished setup first; their admin account is the one to use.
        queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false });
        notifications.show({ message: "Trellis is already set up. Sign in to continue." });
        void navigate({ to: "/sign-in" });
      }
    },
  });

  return (
    <PublicPageShell
      title="Welcome to Trellis"
      intro="Trellis helps the people in your organization own their career development. To begin, create the administrator account that looks after this installation."
    >
      <form noValidate onSubmit={onSubmit}>
        <Stack>
          <FormErrorAlert message={formError} />
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            key={form.key("name")}
            {...form.getInputProps("name")}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            key={form.key("email")}
            {...form.getInputProps("email")}
          />
          <NewPasswordInput key={form.key("password")} {...form.getInputProps("password")} />
          <Checkbox
            label="Load a demo organization"
            description="Adds Northwind, a made-up company of 60 people, to explore before importing your own. Its accounts share the password given in the README."
            key={form.key("loadDemo")}
            {...form.getInputProps("loadDemo", { type: "checkbox" })}
          />
          <Button type="submit" fullWidth loading={mutation.isPending} mt="xs">
            Create administrator account
          </Button>
        </Stack>
      </form>
    </PublicPageShell>
  );
}
