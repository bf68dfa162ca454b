import {
  Alert,
  Anchor,
  Button,
  Divider,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { SignInBody } from "#core/auth.schemas.ts";
import { type SsoErrorCode, ssoErrorCodes, ssoErrorMessages } from "#core/sso.schemas.ts";
import { signIn } from "../../api/auth.api.ts";
import { sessionQuery } from "../../api/session.queries.ts";
import { signInOptionsQuery } from "../../api/sso.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PublicPageShell } from "../../components/public-page-shell.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { safeRedirectTarget } from "../../session/safe-redirect.ts";

const routeApi = getRouteApi("/sign-in");

function ssoErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return (ssoErrorCodes as readonly string[]).includes(code)
    ? ssoErrorMessages[code as SsoErrorCode]
    : ssoErrorMessages.provider_error;
}

function adminSignInHref(redirect: string | undefined): string {
  const params = new URLSearchParams({ admin: "1" });
  if (redirect) params.set("redirect", redirect);
  return `/sign-in?${params}`;
}

export function SignInPage() {
  usePageTitle("Sign in");
  const search = routeApi.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery(signInOptionsQuery);
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
  const providers = options.data?.providers ?? [];
  const passwordsOn = options.data?.localPasswordsEnabled ?? true;
  const showPasswordForm = passwordsOn || search.admin === true;
  const ssoError = ssoErrorMessage(search.sso_error);

  return (
    <PublicPageShell title="Sign in to Trellis">
      <Stack>
        {ssoError ? (
          <Alert color="red" title="You are not signed in" role="alert">
            {ssoError}
          </Alert>
        ) : null}
        {providers.length > 0 ? (
          <Stack gap="xs" aria-label="Sign in with your company account">
            {providers.map((provider) => (
              <Button
                key={provider.slug}
                component="a"
                href={provider.startUrl}
                variant={showPasswordForm ? "default" : "filled"}
                fullWidth
              >
                Sign in with {provider.name}
              </Button>
            ))}
          </Stack>
        ) : null}
        {providers.length > 0 && showPasswordForm ? <Divider label="or" /> : null}
        {showPasswordForm ? (
          <form noValidate onSubmit={onSubmit}>
            <Stack>
              {!passwordsOn ? (
                <Text size="sm" c="dimmed">
                  Administrator sign-in: passwords are switched off for everyone else.
                </Text>
              ) : null}
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
        ) : (
          <Anchor href={adminSignInHref(search.redirect)} size="sm" ta="center">
            Administrator sign-in
          </Anchor>
        )}
      </Stack>
    </PublicPageShell>
  );
}
