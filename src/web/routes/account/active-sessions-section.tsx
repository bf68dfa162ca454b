import { Alert, Badge, Group, Paper, Skeleton, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconDeviceDesktop, IconDeviceMobile } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { AccountSession } from "#core/auth.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import { accountSessionsQuery } from "../../api/queries.ts";
import { TitledSection } from "../../components/titled-section.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { describeUserAgent } from "./describe-user-agent.ts";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button.tsx";

export function ActiveSessionsSection() {
  const sessions = useQuery(accountSessionsQuery);

  return (
    <TitledSection
      title="Where you are signed in"
      description="If you see a device you do not recognise, sign out everywhere and change your password."
    >
      {sessions.isPending && <Skeleton height={72} radius="md" />}
      {sessions.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(sessions.error)}
        </Alert>
      )}
      {sessions.data && (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {sessions.data.sessions.map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
        </Stack>
      )}
      <Group>
        <SignOutEverywhereButton />
      </Group>
    </TitledSection>
  );
}

function SessionRow({ session }: { session: AccountSession }) {
  const device = describeUserAgent(session.userAgent);
  const DeviceIcon = device.mobile ? IconDeviceMobile : IconDeviceDesktop;

  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color="gray" size="lg" radius="md" aria-hidden>
          <DeviceIcon size={20} />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={500}>{device.label}</Text>
            {session.current && (
              <Badge variant="light" size="sm" tt="none">
                This device
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Signed in {formatDateTime(session.createdAt)} · Last active{" "}
            {formatDateTime(session.lastSeenAt)}
            {session.address ? ` · ${session.address}` : ""}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
