import { AppShell, Burger, Container, Group, useMantineTheme } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet } from "@tanstack/react-router";
import { useRef } from "react";
import { sessionQuery } from "../../api/session.queries.ts";
import { Brand } from "../../components/brand.tsx";
import { ColorSchemeToggle } from "../../components/color-scheme-toggle.tsx";
import { mainContentId, SkipLink } from "../../components/skip-link.tsx";
import { AppNavigation } from "./app-navigation.tsx";
import { NotificationsBell } from "./notifications-bell.tsx";
import { UserMenu } from "./user-menu.tsx";

const navigationId = "app-navigation";

export function AppLayout() {
  const [navigationOpened, navigation] = useDisclosure(false);
  const theme = useMantineTheme();
  // Same query AppShell uses to slide the navbar away; off-screen links must not take focus.
  const isPhone = useMediaQuery(`(max-width: ${theme.breakpoints.sm})`);
  const navigationHidden = isPhone && !navigationOpened;
  const burgerRef = useRef<HTMLButtonElement>(null);
  const { data: session } = useQuery(sessionQuery);
  // The session just ended; endSession is already on its way to /sign-in.
  if (!session) return null;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !navigationOpened } }}
      padding={{ base: "md", sm: "xl" }}
    >
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              ref={burgerRef}
              opened={navigationOpened}
              onClick={navigation.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
              aria-expanded={navigationOpened}
              aria-controls={navigationId}
            />
            <Link
              to="/"
              aria-label="Trellis home"
              style={{ color: "inherit", textDecoration: "none" }}
            >
              <Brand />
            </Link>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationsBell />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id={navigationId}
        p="sm"
        aria-label="Main"
        inert={navigationHidden}
        // A longer list than the window is tall (an administrator's) scrolls on its own.
        style={{ overflowY: "auto" }}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !isPhone) return;
          navigation.close();
          burgerRef.current?.focus();
        }}
      >
        <AppNavigation onNavigate={navigation.close} />
      </AppShell.Navbar>
      <AppShell.Main id={mainContentId} tabIndex={-1}>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
