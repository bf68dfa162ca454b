import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Skeleton,
  Stack,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  apiTokenLimits,
  CreateScimTokenBody,
  CreateServiceTokenBody,
} from "#core/api-tokens.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { adminTokensQuery, createAdminToken, revokeAdminToken } from "../../api/api-tokens.api.ts";
import { ScopesInput, TokenList, TokenShownOnce } from "../../components/api-token-parts.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";

type Kind = "service" | "scim";

/** Service tokens for integrations and SCIM tokens for the identity provider. */
export function ApiTokensPage() {
  usePageTitle("API and SCIM tokens");
  const tokens = useQuery(adminTokensQuery);
  const [kind, setKind] = useState<Kind>("scim");
  const [created, setCreated] = useState<string | null>(null);

  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>API and SCIM tokens</Title>
      <TitledSection
        title="New token"
        description="A service token lets an integration call the API with an administrator's rights, limited to its scopes. A SCIM token lets your identity provider create, change and deactivate people through /scim/v2."
      >
        {created ? (
          <TokenShownOnce token={created} onDone={() => setCreated(null)} />
        ) : (
          <Stack gap="md">
            <SegmentedControl
              aria-label="Kind of token"
              value={kind}
              onChange={(value) => setKind(value as Kind)}
              data={[
                { value: "scim", label: "SCIM token" },
                { value: "service", label: "Service token" },
              ]}
              style={{ alignSelf: "flex-start" }}
            />
            {kind === "scim" ? (
              <ScimTokenForm onCreated={setCreated} />
            ) : (
              <ServiceTokenForm onCreated={setCreated} />
            )}
          </Stack>
        )}
      </TitledSection>
      <TitledSection title="Tokens" description="Every service and SCIM token, newest first.">
        {tokens.isPending && <Skeleton height={72} radius="md" />}
        {tokens.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(tokens.error)}
          </Alert>
        )}
        {tokens.data && (
          <TokenList
            tokens={tokens.data.tokens}
            revoke={revokeAdminToken}
            queryKey={adminTokensQuery.queryKey}
          />
        )}
      </TitledSection>
    </Stack>
  );
}

function useRefreshList() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: adminTokensQuery.queryKey });
}

function ExpiryInput(props: Record<string, unknown>) {
  return (
    <NumberInput
      label="Expires after (days)"
      description={`At most ${apiTokenLimits.maxDays} days.`}
      min={1}
      max={apiTokenLimits.maxDays}
      allowDecimal={false}
      {...props}
    />
  );
}

function ScimTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const refresh = useRefreshList();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreateScimTokenBody,
    initialValues: {
      kind: "scim" as const,
      name: "",
      expiresInDays: apiTokenLimits.maxDays as number,
    },
    submit: createAdminToken,
    onSuccess: (result) => {
      onCreated(result.token);
      refresh();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Create a SCIM token">
      <Stack maw={520}>
        <FormErrorAlert message={formError} />
        <TextInput
          label="Name"
          description="Which identity provider uses it, e.g. “Okta”."
          required
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <ExpiryInput key={form.key("expiresInDays")} {...form.getInputProps("expiresInDays")} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Create SCIM token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ServiceTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const refresh = useRefreshList();
  const [actingAs, setActingAs] = useState<string | null>(null);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreateServiceTokenBody,
    initialValues: {
      kind: "service" as const,
      name: "",
      scopes: [] as string[],
      expiresInDays: apiTokenLimits.defaultDays as number,
    },
    submit: (values) =>
      createAdminToken(actingAs ? { ...values, actingAsPersonId: actingAs } : values),
    onSuccess: (result) => {
      onCreated(result.token);
      refresh();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Create a service token">
      <Stack maw={520}>
        <FormErrorAlert message={formError} />
        <TextInput
          label="Name"
          description="Which integration uses it, e.g. “HR reporting”."
          required
          key={form.key("name")}
          {...form.getInputProps("name")}
        />
        <PersonSelect
          label="Acts as"
          description="An administrator whose rights it carries; empty for yourself."
          value={actingAs}
          onChange={setActingAs}
          clearable
          error={form.errors.actingAsPersonId}
        />
        <ScopesInput key={form.key("scopes")} {...form.getInputProps("scopes")} />
        <ExpiryInput key={form.key("expiresInDays")} {...form.getInputProps("expiresInDays")} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Create service token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
