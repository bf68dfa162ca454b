import { Box, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Brand } from "./brand.tsx";
import { ColorSchemeToggle } from "./color-scheme-toggle.tsx";
import { mainContentId, SkipLink } from "./skip-link.tsx";

interface PublicPageShellProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}

/** The frame around pages for people who are not signed in: setup and sign-in. */
export function PublicPageShell({ title, intro, children }: PublicPageShellProps) {
  return (
    <Box className="public-page">
      <SkipLink />
      <Group component="header" justify="space-between" px="md" py="sm">
        <Brand />
        <ColorSchemeToggle />
      </Group>
      <Container component="main" id={mainContentId} tabIndex={-1} size={460} px="md" py="xl">
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={1}>{title}</Title>
            {intro && <Text c="dimmed">{intro}</Text>}
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: "md", sm: "xl" }} radius="lg">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
