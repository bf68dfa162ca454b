import { Anchor, Badge, Button, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconClipboardCheck, IconScale, IconTarget } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { roleTrackLabels } from "#core/career/framework.schemas.ts";
import type { RolePage as RolePageView } from "#core/career/frameworks.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import {
  careerPositionQuery,
  careerQueryKey,
  createAssessment,
  rolePageQuery,
  setTargetRole,
} from "../../api/career.api.ts";
import { Markdown } from "../../components/markdown.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { edgeKindLabels } from "./career-map.ts";
import { scaleText } from "./career-scale.ts";
import { ScrollableTable } from "./scrollable-table.tsx";

const routeApi = getRouteApi("/app/career/$frameworkId/roles/$roleKey");

export function RolePage() {
  const { frameworkId, roleKey } = routeApi.useParams();
  const page = useQuery(rolePageQuery(frameworkId, roleKey));
  if (page.error instanceof ApiError && page.error.status === 404) {
    return (
      <PageNotFound
        title="Role not found"
        message="No published role you can see has this address."
      />
    );
  }
  if (!page.data) return <QueryStatus query={page} />;
  return <RoleView page={page.data} />;
}

function RoleView({ page }: { page: RolePageView }) {
  const { role, family } = page;
  usePageTitle(role.title);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const position = useQuery(careerPositionQuery(user.id));
  const current = position.data?.currentRole ?? null;
  const target = position.data?.targetRole ?? null;
  const isCurrent = current?.frameworkId === page.frameworkId && current.roleKey === role.key;
  const isTarget = target?.frameworkId === page.frameworkId && target.roleKey === role.key;
  const canCompare = current?.frameworkId === page.frameworkId && !isCurrent;

  const assess = useMutation({
    mutationFn: () => createAssessment({ frameworkId: page.frameworkId, roleKey: role.key }),
    onSuccess: async (assessment) => {
      await queryClient.invalidateQueries({ queryKey: careerQueryKey });
      await navigate({
        to: "/career/assessments/$assessmentId",
        params: { assessmentId: assessment.id },
      });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  const setTarget = useMutation({
    mutationFn: () =>
      setTargetRole(
        user.id,
        isTarget ? null : { frameworkId: page.frameworkId, roleKey: role.key },
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(careerPositionQuery(user.id).queryKey, saved);
      notifications.show({
        color: "green",
        message: saved.targetRole
          ? `${role.title} is now your target role.`
          : "You have no target role now.",
      });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  return (
    <Stack gap="lg" maw={960}>
      <AnchorLink to="/career/$frameworkId" params={{ frameworkId: page.frameworkId }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Career map
        </Group>
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {role.title}
        </Title>
        <Text c="dimmed">
          {role.department} · {family.name} · Level {role.level}
          {role.levelName ? ` (${role.levelName})` : ""} · {roleTrackLabels[role.track]}
        </Text>
        <Group gap="xs">
          {isCurrent && <Badge tt="none">Your current role</Badge>}
          {isTarget && (
            <Badge tt="none" variant="outline">
              Your target role
            </Badge>
          )}
        </Group>
      </Stack>
      <Group gap="xs">
        <Button
          leftSection={<IconClipboardCheck size={18} aria-hidden />}
          loading={assess.isPending}
          onClick={() => assess.mutate()}
        >
          Assess myself against this role
        </Button>
        {!isCurrent && (
          <Button
            variant="default"
            leftSection={<IconTarget size={18} aria-hidden />}
            loading={setTarget.isPending}
            onClick={() => setTarget.mutate()}
          >
            {isTarget ? "Clear my target role" : "Set as my target role"}
          </Button>
        )}
        {canCompare && current && (
          <ButtonLink
            to="/career/$frameworkId/compare"
            params={{ frameworkId: page.frameworkId }}
            search={{ a: current.roleKey, b: role.key }}
            variant="default"
            leftSection={<IconScale size={18} aria-hidden />}
          >
            Compare with my role
          </ButtonLink>
        )}
      </Group>
      {role.summary && <Text>{role.summary}</Text>}
      {role.responsibilities && (
        <TitledSection title="Responsibilities">
          <Markdown>{role.responsibilities}</Markdown>
        </TitledSection>
      )}
      {role.requirements && (
        <TitledSection title="Requirements">
          <Markdown>{role.requirements}</Markdown>
        </TitledSection>
      )}
      <TitledSection
        title="Expected proficiency"
        description="What this role expects on each competency, on the framework's scale."
      >
        {page.expectations.length === 0 ? (
          <Text>This role names no expectations yet.</Text>
        ) : (
          <ScrollableTable label="Expected proficiency" minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Competency</Table.Th>
                  <Table.Th scope="col">Expected</Table.Th>
                  <Table.Th scope="col">What it looks like</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.expectations.map(({ competency, theme, expected }) => (
                  <Table.Tr key={competency.key}>
                    <Table.Th scope="row" fw={500}>
                      {competency.name}
                      <Text size="xs" c="dimmed">
                        {theme.name}
                      </Text>
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {scaleText(page.scale, expected)}
                    </Table.Td>
                    <Table.Td>{competency.descriptors[expected - 1] ?? ""}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollableTable>
        )}
      </TitledSection>
      <Group align="flex-start" grow gap="lg" wrap="wrap">
        <RoleLinks
          title="Leads to"
          frameworkId={page.frameworkId}
          links={page.leadsTo}
          empty="No move out of this role is mapped yet."
        />
        <RoleLinks
          title="Comes from"
          frameworkId={page.frameworkId}
          links={page.comesFrom}
          empty="No move into this role is mapped yet."
        />
      </Group>
      {(role.url || family.handbookUrl) && (
        <Text size="sm">
          More:{" "}
          {role.url && (
            <Anchor href={role.url} target="_blank" rel="noopener noreferrer" underline="always">
              role description
            </Anchor>
          )}
          {role.url && family.handbookUrl ? " · " : ""}
          {family.handbookUrl && (
            <Anchor
              href={family.handbookUrl}
              target="_blank"
              rel="noopener noreferrer"
              underline="always"
            >
              {family.name} in the handbook
            </Anchor>
          )}
        </Text>
      )}
    </Stack>
  );
}

function RoleLinks({
  title,
  frameworkId,
  links,
  empty,
}: {
  title: string;
  frameworkId: string;
  links: RolePageView["leadsTo"];
  empty: string;
}) {
  return (
    <TitledSection title={title}>
      {links.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <List spacing="xs">
          {links.map((link) => (
            <List.Item key={link.key}>
              <AnchorLink
                to="/career/$frameworkId/roles/$roleKey"
                params={{ frameworkId, roleKey: link.key }}
                fw={500}
              >
                {link.title}
              </AnchorLink>{" "}
              <Text component="span" size="sm" c="dimmed">
                {edgeKindLabels[link.kind]} · {link.department} · Level {link.level}
                {link.note ? ` — ${link.note}` : ""}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </TitledSection>
  );
}
