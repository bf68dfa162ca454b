import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  PasswordInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import {
  CreateSsoProviderBody,
  type IdentitySettings,
  SaveIdentitySettingsBody,
  type SsoProviderView,
  UpdateSsoProviderBody,
} from "#core/sso.schemas.ts";
import {
  createSsoProvider,
  deleteSsoProvider,
  identitySettingsQuery,
  saveIdentitySettings,
  ssoProvidersQuery,
  ssoQueryKey,
  updateSsoProvider,
} from "../../api/sso.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";

/** Domains typed as "a.com, b.com" travel as a list. */
const domainList = z.string().transform((text) =>
  text
    .split(/[\s,]+/)
    .map((domain) => domain.trim())
    .filter(Boolean),
);

const providerForm = CreateSsoProviderBody.extend({
  allowedDomains: domainList.pipe(CreateSsoProviderBody.shape.allowedDomains),
  clientSecret: z
    .string()
    .max(500, "Use at most 500 characters")
    .transform((value) => (value === "" ? undefined : value)),
  baseVersion: z.number(),
});

type ProviderValues = {
  slug: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  emailClaim: string;
  allowedDomains: string;
  enabled: boolean;
  baseVersion: number;
};

const emptyProvider: ProviderValues = {
  slug: "",
  name: "",
  issuer: "",
  clientId: "",
  clientSecret: "",
  scopes: "openid email profile",
  emailClaim: "email",
  allowedDomains: "",
  enabled: true,
  baseVersion: 0,
};

const valuesOf = (provider: SsoProviderView): ProviderValues => ({
  slug: provider.slug,
  name: provider.name,
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: "",
  scopes: provider.scopes,
  emailClaim: provider.emailClaim,
  allowedDomains: provider.allowedDomains.join(", "),
  enabled: provider.enabled,
  baseVersion: provider.version,
});

function ProviderForm({
  provider,
  canStoreSecrets,
  onDone,
}: {
  provider: SsoProviderView | null;
  canStoreSecrets: boolean;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: providerForm,
    initialValues: provider ? valuesOf(provider) : emptyProvider,
    submit: ({ slug, baseVersion, ...values }) =>
      provider
        ? updateSsoProvider(provider.id, UpdateSsoProviderBody.parse({ ...values, baseVersion }))
        : createSsoProvider({ slug, ...values }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ssoQueryKey });
      onDone();
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ssoQueryKey }),
  });
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-label={provider ? `Edit ${provider.name}` : "New provider"}
    >
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Button name" withAsterisk {...form.getInputProps("name")} />
          <TextInput
            label="Short name (in the callback address)"
            withAsterisk
            disabled={provider !== null}
            {...form.getInputProps("slug")}
          />
        </Group>
        <TextInput
          label="Issuer URL"
          placeholder="https://login.example.com"
          withAsterisk
          {...form.getInputProps("issuer")}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Client id" withAsterisk {...form.getInputProps("clientId")} />
          <PasswordInput
            label="Client secret"
            autoComplete="off"
            description={
              !canStoreSecrets
                ? "Set SECRET_KEY on the server to store a client secret."
                : provider?.hasClientSecret
                  ? "A secret is stored; leave empty to keep it."
                  : "Leave empty for a public client."
            }
            disabled={!canStoreSecrets}
            {...form.getInputProps("clientSecret")}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Scopes" {...form.getInputProps("scopes")} />
          <TextInput label="Email claim" {...form.getInputProps("emailClaim")} />
        </Group>
        <TextInput
          label="Allowed email domains"
          description="Separated by commas. Only verified emails of these domains link to or create a person."
          {...form.getInputProps("allowedDomains")}
        />
        <Checkbox
          label="Enabled (shown on the sign-in page)"
          {...form.getInputProps("enabled", { type: "checkbox" })}
        />
        {provider ? (
          <Stack gap={4}>
            <Text size="sm">
              Callback URL to register at the provider: <Code>{provider.callbackUrl}</Code>
            </Text>
            <Text size="sm">
              Back-channel logout URL, where the provider supports it (signing out there ends the
              Trellis session): <Code>{provider.backchannelLogoutUrl}</Code>
            </Text>
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Save provider
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Providers() {
  const queryClient = useQueryClient();
  const providers = useQuery(ssoProvidersQuery);
  const [editing, setEditing] = useState<SsoProviderView | "new" | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const remove = async (provider: SsoProviderView) => {
    setRemoveError(null);
    try {
      await deleteSsoProvider(provider.id);
    } catch (error) {
      setRemoveError(error instanceof Error ? error.message : "Could not remove the provider.");
    }
    await queryClient.invalidateQueries({ queryKey: ssoQueryKey });
  };
  if (!providers.data) return <QueryStatus query={providers} />;
  const { items, canStoreSecrets } = providers.data;
  return (
    <TitledSection
      title="Providers"
      actions={
        editing === null ? (
          <Button size="xs" onClick={() => setEditing("new")}>
            Add provider
          </Button>
        ) : null
      }
    >
      <Stack>
        <FormErrorAlert message={removeError} />
        {items.length === 0 ? (
          <Text c="dimmed">No provider yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Issuer</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((provider) => (
                  <Table.Tr key={provider.id}>
                    <Table.Td>{provider.name}</Table.Td>
                    <Table.Td style={{ wordBreak: "break-all" }}>{provider.issuer}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={provider.enabled ? "green" : "gray"}>
                          {provider.enabled ? "Enabled" : "Disabled"}
                        </Badge>
                        {provider.fromEnvironment ? (
                          <Badge variant="outline">Environment</Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {provider.fromEnvironment ? (
                        <Text size="xs" c="dimmed">
                          Set by SSO_* variables
                        </Text>
                      ) : (
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setEditing(provider)}>
                            Edit<VisuallyHidden> {provider.name}</VisuallyHidden>
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => void remove(provider)}
                          >
                            Remove<VisuallyHidden> {provider.name}</VisuallyHidden>
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {editing !== null ? (
          <ProviderForm
            key={editing === "new" ? "new" : `${editing.id}-${editing.version}`}
            provider={editing === "new" ? null : editing}
            canStoreSecrets={canStoreSecrets}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Stack>
    </TitledSection>
  );
}

const settingsValues = (settings: IdentitySettings) => ({
  baseVersion: settings.version,
  localPasswordsEnabled: settings.localPasswordsEnabled,
  breakGlassPersonId: settings.breakGlassPerson?.id ?? null,
  ssoJitEnabled: settings.ssoJitEnabled,
});

function SettingsForm({ settings }: { settings: IdentitySettings }) {
  const queryClient = useQueryClient();
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: SaveIdentitySettingsBody,
    mode: "controlled",
    initialValues: settingsValues(settings),
    submit: saveIdentitySettings,
    onSuccess: async (saved) => {
      form.setValues(settingsValues(saved));
      await queryClient.invalidateQueries({ queryKey: ssoQueryKey });
    },
    onError: async () => {
      const fresh = await queryClient.fetchQuery({ ...identitySettingsQuery, staleTime: 0 });
      form.setFieldValue("baseVersion", fresh.version);
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Identity settings">
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <Switch
          label="Local passwords"
          description="When off, only the break-glass administrator signs in with a password; everyone else uses single sign-on."
          {...form.getInputProps("localPasswordsEnabled", { type: "checkbox" })}
        />
        <PersonSelect
          label="Break-glass administrator"
          description="An administrator who keeps a password in case the identity provider is down."
          value={form.getValues().breakGlassPersonId}
          placeholder={settings.breakGlassPerson?.name ?? "Choose an administrator"}
          onChange={(personId) => form.setFieldValue("breakGlassPersonId", personId)}
          error={form.errors.breakGlassPersonId}
          clearable
        />
        <Switch
          label="Create people at their first single sign-on"
          description="Off: someone without a Trellis account is refused with an explanation."
          {...form.getInputProps("ssoJitEnabled", { type: "checkbox" })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SingleSignOnPage() {
  usePageTitle("Single sign-on");
  const settings = useQuery(identitySettingsQuery);
  return (
    <Stack>
      <Title order={1}>Single sign-on</Title>
      <Text c="dimmed">
        OpenID Connect providers people sign in with. A first sign-in links to an existing person
        only by a verified email of an allowed domain.
      </Text>
      <Providers />
      <TitledSection title="Sign-in settings">
        {settings.data ? (
          <SettingsForm key={settings.data.version} settings={settings.data} />
        ) : (
          <QueryStatus query={settings} />
        )}
      </TitledSection>
    </Stack>
  );
}
