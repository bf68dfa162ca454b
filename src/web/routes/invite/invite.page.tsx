import { Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import { AcceptInvitationBody, type InvitationPreview } from "#core/people.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { acceptInvitation } from "../../api/people.api.ts";
import { invitationQuery } from "../../api/queries.ts";
import { sessionQuery } from "../../api/session.queries.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { NewPasswordInput } from "../../components/new-password-input.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { PublicPageShell } from "../../components/public-page-shell.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";

const routeApi = getRouteApi("/invite/$token");

const AcceptInvitationForm = AcceptInvitationBody.extend({ confirmPassword: z.string() }).refine(
  (values) => values.password === values.confirmPassword,
  { path: ["confirmPassword"], message: "The two passwords are not the same" },
);

export function InvitePage() {
  const { token } = routeApi.useParams();
  const invitation = useQuery(invitationQuery(token));
  // A malformed link is refused as 400, an unknown, used or expired one as 404: all one story.
  const unusable =
    invitation.error instanceof ApiError &&
    (invitation.error.status === 404 || invitation.error.status === 400);

  if (unusable) return <UnusableInvitation />;
  if (invitation.isPending) {
    return (
      <PublicPageShell title="Accept your invitation">
        <PageLoader />
      </PublicPageShell>
    );
  }
  if (invitation.isError) {
    return (
      <PublicPageShell title="Accept your invitation">
        <QueryErrorAlert error={invitation.error} onRetry={() => void invitation.refetch()} />
      </PublicPageShell>
    );
  }
  return <AcceptInvitation token={token} invitation={invitation.data} />;
}

function UnusableInvitation() {
  usePageTitle("Invitation not valid");
  return (
    <PublicPageShell title="This invitation cannot be used">
      <Stack align="flex-start">
        <Text>
          The link is unknown, has already been used, or has expired. Invitations work once and for
          7 days. Ask your Trellis administrator for a new one.
        </Text>
        <Text>If you have already set your password, sign in instead.</Text>
        <Button component={Link} to="/sign-in">
          Go to sign in
        </Button>
      </Stack>
    </PublicPageShell>
  );
}

function AcceptInvitation({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  usePageTitle("Accept your invitation");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: AcceptInvitationForm,
    initialValues: { password: "", confirmPassword: "" },
    submit: ({ password }) => acceptInvitation(token, { password }),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQuery.queryKey, session);
      void navigate({ to: "/", replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 404) {
        // Used or expired while the page was open: ask again, and the page explains.
        void queryClient.invalidateQueries({ queryKey: invitationQuery(token).queryKey });
      }
    },
  });

  return (
    <PublicPageShell
      title={`Welcome, ${invitation.name}`}
      intro="You have been invited to Trellis. Choose a password to finish setting up your account."
    >
      <form noValidate onSubmit={onSubmit}>
        <Stack>
          <FormErrorAlert message={formError} />
          <TextInput
            label="Email"
            value={invitation.email}
            readOnly
            autoComplete="username"
            description={`You will sign in with this address. This link works until ${formatDateTime(invitation.expiresAt)}.`}
          />
          <NewPasswordInput key={form.key("password")} {...form.getInputProps("password")} />
          <PasswordInput
            label="Confirm password"
            autoComplete="new-password"
            required
            key={form.key("confirmPassword")}
            {...form.getInputProps("confirmPassword")}
          />
          <Button type="submit" fullWidth loading={mutation.isPending} mt="xs">
            Set password and sign in
          </Button>
        </Stack>
      </form>
    </PublicPageShell>
  );
}
