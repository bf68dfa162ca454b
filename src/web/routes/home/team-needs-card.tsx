import { Group, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { managerWorkspaceQuery } from "../../api/conversations.api.ts";
import { PersonLink } from "../../components/person-link.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import classes from "./home.module.css";
import { teamNeeds } from "./home-data.ts";

const shownReports = 6;

/** Home, for a manager: which direct reports need something from them, and the way to the workspace. */
export function TeamNeedsCard() {
  const workspace = useQuery(managerWorkspaceQuery);
  if (!workspace.data) return null;
  const reports = teamNeeds(workspace.data.rows);
  const more = reports.length - shownReports;

  return (
    <TitledSection
      title="Your team"
      description={
        reports.length === 0
          ? `Nothing needs you: your ${workspace.data.rows.length === 1 ? "report has" : `${workspace.data.rows.length} reports have`} a current plan and conversations on time.`
          : `${reports.length} of your ${workspace.data.rows.length} direct ${workspace.data.rows.length === 1 ? "report needs" : "reports need"} something from you.`
      }
    >
      {reports.length > 0 && (
        <ul className={classes.list}>
          {reports.slice(0, shownReports).map((report) => (
            <li key={report.person.id} className={classes.teamEntry}>
              <PersonLink id={report.person.id}>{report.person.name}</PersonLink>
              <Text size="sm" c="dimmed">
                {report.needs.join(" · ")}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {more > 0 ? `And ${more} more in the workspace.` : ""}
        </Text>
        <AnchorLink to="/manager" fw={600} size="sm">
          <Group gap={4} component="span">
            Open the manager workspace
            <IconArrowRight size={16} aria-hidden />
          </Group>
        </AnchorLink>
      </Group>
    </TitledSection>
  );
}
