import { Anchor, Avatar, Badge, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useInterval } from "@mantine/hooks";
import { IconArrowLeft, IconHierarchy2, IconPlant2, IconRoute } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import type { PersonProfile } from "#core/people.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { plansSharedWithMeQuery } from "../../api/growth-plans.api.ts";
import { personQuery } from "../../api/queries.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { PersonLink } from "../../components/person-link.tsx";
import { ProfileField } from "../../components/profile-field.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate, formatDateTime, formatTimeIn } from "../../format/dates.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { useNavigationArea } from "../app/navigation-area.ts";
import { CareerRoleField } from "./career-role-field.tsx";
import { EditPersonButton } from "./edit-person-button.tsx";
import { ErasePersonButton } from "./erase-person-button.tsx";
import { ExportPersonDataButton } from "./export-person-data-button.tsx";
import { InviteButton } from "./invite-button.tsx";
import { NudgeButton } from "./nudge-button.tsx";
import { PersonStatusButton } from "./person-status-button.tsx";

const routeApi = getRouteApi("/app/people/$id");

export function PersonProfilePage() {
  const { id } = routeApi.useParams();
  const profile = useQuery(personQuery(id));

  if (profile.isPending) return <PageLoader />;
  if (profile.error instanceof ApiError && profile.error.status === 404) {
    return (
      <PageNotFound
        title="Person not found"
        message="No one you can see has this profile. They may have left, or the link may be wrong."
      />
    );
  }
  if (profile.isError) {
    return <QueryErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  return <Profile profile={profile.data} />;
}

function Profile({ profile }: { profile: PersonProfile }) {
  const { person, manager, employment, account } = profile;
  usePageTitle(person.displayName);
  const viewer = useCurrentUser();
  const isAdmin = viewer.role === "admin";
  // A report's profile is part of the manager's team, up the whole management chain.
  const isReport = profile.relation === "manager" || profile.relation === "skip-level";
  useNavigationArea(isReport ? "/team" : null);
  const sharedPlan = useSharedPlanOf(person.id);

  return (
    <Stack gap="lg" maw={880}>
      <Anchor component={Link} to={isReport ? "/team" : "/people"} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {isReport ? "My team" : "People"}
        </Group>
      </Anchor>

      <Group justify="space-between" align="flex-start" gap="md">
        <Group gap="md" wrap="nowrap" align="center" style={{ minWidth: 0 }}>
          <Avatar name={person.displayName} color="trellis" size={64} radius="xl" aria-hidden />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: "anywhere" }}>
              {person.displayName}
            </Title>
            {person.jobTitle && <Text c="dimmed">{person.jobTitle}</Text>}
            <Group gap="xs">
              {person.status === "deactivated" && (
                <Badge color="red" variant="light" tt="none">
                  Deactivated
                </Badge>
              )}
              {account?.role === "admin" && (
                <Badge variant="light" tt="none">
                  Administrator
                </Badge>
              )}
              {profile.relation === "self" && (
                <Badge color="gray" variant="light" tt="none">
                  You
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
        <Group gap="xs">
          <ButtonLink
            to="/people/$id/org"
            params={{ id: person.id }}
            variant="default"
            leftSection={<IconHierarchy2 size={18} aria-hidden />}
          >
            Org chart
          </ButtonLink>
          {/* Those who may see the hire date are exactly those who may read the pathway. */}
          {profile.employment && (
            <ButtonLink
              to="/people/$id/pathway"
              params={{ id: person.id }}
              variant="default"
              leftSection={<IconRoute size={18} aria-hidden />}
            >
              Pathway
            </ButtonLink>
          )}
          {sharedPlan && (
            <ButtonLink
              to="/growth-plans/$planId"
              params={{ planId: sharedPlan.id }}
              variant="default"
              leftSection={<IconPlant2 size={18} aria-hidden />}
              title={sharedPlan.title}
            >
              Shared plan
            </ButtonLink>
          )}
          {profile.relation === "manager" && person.status === "active" && (
            <NudgeButton profile={profile} />
          )}
          {isAdmin && <EditPersonButton profile={profile} />}
          {isAdmin && person.status === "active" && account && !account.hasPassword && (
            <InviteButton profile={profile} />
          )}
          {isAdmin && profile.relation !== "self" && <PersonStatusButton profile={profile} />}
          {isAdmin && <ExportPersonDataButton profile={profile} />}
          {isAdmin && profile.relation !== "self" && person.name !== "Erased person" && (
            <ErasePersonButton profile={profile} />
          )}
        </Group>
      </Group>

      <TitledSection title="Details">
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" m={0}>
          {person.preferredName && <ProfileField term="Full name">{person.name}</ProfileField>}
          <ProfileField term="Email">
            <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>
          </ProfileField>
          <ProfileField term="Job title">{person.jobTitle}</ProfileField>
          <CareerRoleField personId={person.id} />
          <ProfileField term="Manager">
            {manager && <PersonLink id={manager.id}>{manager.displayName}</PersonLink>}
          </ProfileField>
          <ProfileField term="Direct reports">
            {profile.directReportCount > 0 ? (
              <AnchorLink to="/people/$id/org" params={{ id: person.id }}>
                {profile.directReportCount} {profile.directReportCount === 1 ? "person" : "people"}
              </AnchorLink>
            ) : (
              "None"
            )}
          </ProfileField>
          <ProfileField term="Division">{person.division}</ProfileField>
          <ProfileField term="Department">{person.department}</ProfileField>
          <ProfileField term="Team">{person.team}</ProfileField>
          <ProfileField term="Location">{person.location}</ProfileField>
          <ProfileField term="Time zone">
            {person.timeZone && <TimeZoneValue timeZone={person.timeZone} />}
          </ProfileField>
          {employment?.hireDate && (
            <ProfileField term="Hire date">{formatCalendarDate(employment.hireDate)}</ProfileField>
          )}
        </SimpleGrid>
      </TitledSection>

      {account && (
        <TitledSection title="Account">
          <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" m={0}>
            <ProfileField term="Role">
              {account.role === "admin" ? "Administrator" : "Member"}
            </ProfileField>
            <ProfileField term="Sign-in">
              {person.status === "deactivated"
                ? "Deactivated: cannot sign in"
                : account.hasPassword
                  ? "Password set"
                  : account.pendingInvitationExpiresAt
                    ? `Invitation pending until ${formatDateTime(account.pendingInvitationExpiresAt)}`
                    : "Not invited yet"}
            </ProfileField>
          </SimpleGrid>
        </TitledSection>
      )}
    </Stack>
  );
}

/**
 * The plan this person shared with the reader, if any: their active one, or else the one they
 * changed last. Read from the list the navigation already holds.
 */
function useSharedPlanOf(personId: string) {
  const shared = useQuery(plansSharedWithMeQuery);
  const theirs = (shared.data?.plans ?? [])
    .filter((plan) => plan.owner.id === personId)
    .sort(
      (a, b) =>
        Number(b.status === "active") - Number(a.status === "active") ||
        b.updatedAt.localeCompare(a.updatedAt),
    );
  return theirs[0] ?? null;
}

/** The zone and the time it is there now, refreshed each minute. */
function TimeZoneValue({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(() => new Date());
  const interval = useInterval(() => setNow(new Date()), 60_000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval.start, interval.stop]);
  const localTime = formatTimeIn(timeZone, now);

  return (
    <>
      {timeZone}
      {localTime && (
        <Text component="span" display="block" size="sm" c="dimmed" fw={400}>
          {localTime} there now
        </Text>
      )}
    </>
  );
}
