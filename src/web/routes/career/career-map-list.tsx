import { Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import type { CareerMap } from "#core/career/frameworks.schemas.ts";
import { AnchorLink } from "../../components/router-links.tsx";
import { edgeKindLabels, type MapEdge, type MapRole, movesOf } from "./career-map.ts";

interface CareerMapListProps {
  frameworkId: string;
  families: CareerMap["families"];
  roles: MapRole[];
  edges: MapEdge[];
  myRoleKey: string | null;
  highlight: { roles: Set<string> } | null;
}

/** The map as text: every role by department and family, with the moves out of it. */
export function CareerMapList({
  frameworkId,
  families,
  roles,
  edges,
  myRoleKey,
  highlight,
}: CareerMapListProps) {
  const moves = movesOf(roles, edges);
  const familyName = new Map(families.map((family) => [family.key, family.name]));
  const groups = new Map<string, MapRole[]>();
  for (const role of roles) {
    const heading = `${role.department} · ${familyName.get(role.familyKey) ?? role.familyKey}`;
    groups.set(heading, [...(groups.get(heading) ?? []), role]);
  }

  return (
    <Stack gap="md">
      {[...groups.entries()].map(([heading, groupRoles]) => (
        <Stack key={heading} gap="xs" component="section" aria-label={heading}>
          <Title order={2} size="h4">
            {heading}
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {groupRoles.map((role) => {
              const leadsTo = moves.get(role.key)?.leadsTo ?? [];
              const onPath = highlight?.roles.has(role.key) ?? false;
              return (
                <Paper key={role.key} component="li" withBorder radius="md" p="sm">
                  <Group gap="xs" align="baseline">
                    <AnchorLink
                      to="/career/$frameworkId/roles/$roleKey"
                      params={{ frameworkId, roleKey: role.key }}
                      fw={600}
                    >
                      {role.title}
                    </AnchorLink>
                    <Text size="sm" c="dimmed">
                      Level {role.level}
                      {role.levelName ? ` · ${role.levelName}` : ""} ·{" "}
                      {role.track === "manager" ? "Manager" : "Individual contributor"}
                    </Text>
                    {role.key === myRoleKey && (
                      <Badge variant="filled" tt="none">
                        ★ Your role
                      </Badge>
                    )}
                    {onPath && role.key !== myRoleKey && (
                      <Badge variant="outline" tt="none">
                        On a path from your role
                      </Badge>
                    )}
                  </Group>
                  {leadsTo.length > 0 && (
                    <List size="sm" mt={4} spacing={2}>
                      {leadsTo.map((move) => (
                        <List.Item key={move.role.key}>
                          {edgeKindLabels[move.kind]}:{" "}
                          <AnchorLink
                            to="/career/$frameworkId/roles/$roleKey"
                            params={{ frameworkId, roleKey: move.role.key }}
                            size="sm"
                          >
                            {move.role.title}
                          </AnchorLink>
                          {move.role.department !== role.department
                            ? ` (${move.role.department})`
                            : ""}
                          {move.note ? ` — ${move.note}` : ""}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Paper>
              );
            })}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
