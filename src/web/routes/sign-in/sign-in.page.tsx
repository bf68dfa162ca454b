import { Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { SignInBody } from "#core/auth.schemas.ts";
import { signIn } from "../../api/auth.api.ts";
import { sessionQuery } from "../../api/session.queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PublicPageShell } from "../../components/public-page-shell.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { safeRedirectTarget } from "../../session/safe-redirect.ts";

const routeApi = getRouteApi("/sign-in");

export function SignInPage() {
  usePageTitle("Sign in");
  const search = routeApi.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: SignInBody,
    initialValues: { email: "", password: "" },
    submit: signIn,
    mutationMeta: { unauthenticatedIsExpected: true },
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQuery.queryKey, session);
      router.history.push(safeRedirectTarget(search.redirect));
    },
    onError: () => form.setFieldValue("password", ""),
  });

  return (
    <PublicPageShell title="Sign in to Trellis">
      <form noValidate onSubmit={onSubmit}>
        <Stack>
          <FormErrorAlert message={formError} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            key={form.key("email")}
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            key={form.key("password")}
            {...form.getInputProps("password")}
          />
          <Button type="submit" fullWidth loading={mutation.isPending} mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </PublicPageShell>
  );
}
