import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Modal,
  MultiSelect,
  type MultiSelectProps,
  Paper,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type ApiTokenView, apiTokenScopes } from "#core/api-tokens.schemas.ts";
import { errorMessage } from "../api/api-error.ts";
import { formatDateTime } from "../format/dates.ts";

/** The token just created, with the warning that this is the only time it is shown. */
export function TokenShownOnce({ token, onDone }: { token: string; onDone: () => void }) {
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" role="status">
        Copy this token now: it is shown only once. Anyone who has it can act with its scopes, so
        keep it in a secret store, never in code or chat.
      </Alert>
      <Group align="flex-end" wrap="nowrap" gap="xs">
        <TextInput
          label="Your new token"
          value={token}
          readOnly
          style={{ flex: 1, minWidth: 0 }}
          styles={{ input: { fontFamily: "monospace" } }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={token}>
          {({ copied, copy }) => (
            <Button
              variant="light"
              onClick={copy}
              leftSection={
                copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
              }
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Group>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

const scopeOptions = apiTokenScopes.map((scope) => ({ value: scope, label: scope }));

export function ScopesInput(props: Omit<MultiSelectProps, "data">) {
  return (
    <MultiSelect
      label="Scopes"
      description="What the token may do: read, or read and write, each area. It never does more than its person may."
      data={scopeOptions}
      searchable
      required
      {...props}
    />
  );
}

/** The tokens of a list, each with its details and a revoke button that asks first. */
export function TokenList({
  tokens,
  revoke,
  queryKey,
}: {
  tokens: ApiTokenView[];
  revoke: (id: string) => Promise<ApiTokenView>;
  queryKey: readonly unknown[];
}) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<ApiTokenView | null>(null);
  const mutation = useMutation({
    mutationFn: revoke,
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey });
      notifications.show({ color: "green", message: "Token revoked." });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  if (tokens.length === 0) return <Text size="sm">No tokens yet.</Text>;
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {tokens.map((token) => (
          <Paper component="li" key={token.id} withBorder p="sm" radius="md">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0, flex: "1 1 16rem" }}>
                <Group gap="xs">
                  <Text fw={500}>{token.name}</Text>
                  {token.kind !== "personal" && (
                    <Badge variant="light" size="sm" tt="none">
                      {token.kind === "scim" ? "SCIM" : "Service"}
                    </Badge>
                  )}
                  {!token.usable && (
                    <Badge variant="light" color="gray" size="sm" tt="none">
                      {token.revokedAt ? "Revoked" : "Expired"}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" ff="monospace">
                  {token.prefix}…
                </Text>
                <Text size="sm" c="dimmed">
                  {token.scopes.join(", ")}
                  {token.person && token.kind === "service"
                    ? ` · acts as ${token.person.name}`
                    : ""}
                </Text>
                <Text size="sm" c="dimmed">
                  Created {formatDateTime(token.createdAt)}
                  {token.expiresAt ? ` · Expires ${formatDateTime(token.expiresAt)}` : ""} ·{" "}
                  {token.lastUsedAt
                    ? `Last used ${formatDateTime(token.lastUsedAt)}`
                    : "Never used"}
                  {token.revokedAt ? ` · Revoked ${formatDateTime(token.revokedAt)}` : ""}
                </Text>
              </Stack>
              {token.revokedAt === null && (
                <Button
                  variant="light"
                  color="red"
                  onClick={() => setConfirming(token)}
                  aria-label={`Revoke ${token.name}`}
                >
                  Revoke
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title="Revoke this token?"
        centered
      >
        <Text size="sm">
          “{confirming?.name}” stops working at once. Scripts that use it will be refused.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() => confirming && mutation.mutate(confirming.id)}
          >
            Revoke token
          </Button>
        </Group>
      </Modal>
    </>
  );
}
