import { Alert, Button, Group, NumberInput, Skeleton, Stack, TextInput } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiTokenLimits, CreatePersonalTokenBody } from "#core/api-tokens.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { createOwnToken, ownTokensQuery, revokeOwnToken } from "../../api/api-tokens.api.ts";
import { ScopesInput, TokenList, TokenShownOnce } from "../../components/api-token-parts.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";

/** Personal access tokens: create (shown once), list, revoke. */
export function ApiTokensSection() {
  const queryClient = useQueryClient();
  const tokens = useQuery(ownTokensQuery);
  const [created, setCreated] = useState<string | null>(null);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreatePersonalTokenBody,
    initialValues: { name: "", scopes: [] as string[], expiresInDays: apiTokenLimits.defaultDays },
    submit: createOwnToken,
    onSuccess: (result) => {
      setCreated(result.token);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ownTokensQuery.queryKey });
    },
  });

  return (
    <TitledSection
      title="API tokens"
      description="Personal access tokens let your scripts call the Trellis API as you (Authorization: Bearer …). They cannot change your account or make other tokens."
    >
      {created ? (
        <TokenShownOnce token={created} onDone={() => setCreated(null)} />
      ) : (
        <form noValidate onSubmit={onSubmit} aria-label="Create an API token">
          <Stack maw={520}>
            <FormErrorAlert message={formError} />
            <TextInput
              label="Name"
              description="So you recognise it later, e.g. “weekly report script”."
              required
              key={form.key("name")}
              {...form.getInputProps("name")}
            />
            <ScopesInput key={form.key("scopes")} {...form.getInputProps("scopes")} />
            <NumberInput
              label="Expires after (days)"
              description={`At most ${apiTokenLimits.maxDays} days.`}
              min={1}
              max={apiTokenLimits.maxDays}
              allowDecimal={false}
              key={form.key("expiresInDays")}
              {...form.getInputProps("expiresInDays")}
            />
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {tokens.isPending && <Skeleton height={72} radius="md" />}
      {tokens.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(tokens.error)}
        </Alert>
      )}
      {tokens.data && (
        <TokenList
          tokens={tokens.data.tokens}
          revoke={revokeOwnToken}
          queryKey={ownTokensQuery.queryKey}
        />
      )}
    </TitledSection>
  );
}
