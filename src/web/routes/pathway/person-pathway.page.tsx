import { Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { personPathwayQuery } from "../../api/pathway.api.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useNavigationArea } from "../app/navigation-area.ts";
import { PathwayBody } from "./pathway-body.tsx";

const routeApi = getRouteApi("/app/people/$id/pathway");

export function PersonPathwayPage() {
  const { id } = routeApi.useParams();
  const pathway = useQuery(personPathwayQuery(id));

  if (pathway.isPending) return <PageLoader />;
  if (pathway.error instanceof ApiError && pathway.error.status === 404) {
    return (
      <PageNotFound
        title="Pathway not found"
        message="You can see the pathway of people who report to you, directly or through others. This one is not among them, or the link is wrong."
      />
    );
  }
  if (pathway.isError) {
    return <QueryErrorAlert error={pathway.error} onRetry={() => void pathway.refetch()} />;
  }
  return <PersonPathway view={pathway.data} />;
}

function PersonPathway({ view }: { view: PathwayView }) {
  const name = view.person.displayName;
  usePageTitle(`Pathway of ${name}`);
  useNavigationArea(view.relation === "manager" || view.relation === "skip-level" ? "/team" : null);

  return (
    <Stack gap="lg" maw={960}>
      <AnchorLink to="/people/$id" params={{ id: view.person.id }} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {name}
        </Group>
      </AnchorLink>
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          Pathway of {name}
        </Title>
        <Text c="dimmed">
          {view.canEdit ? (
            <>
              This is your own pathway; you can also change it from{" "}
              <AnchorLink to="/pathway">My pathway</AnchorLink>.
            </>
          ) : (
            `Read only: only ${name} records progress on their pathway.`
          )}
        </Text>
      </Stack>
      <PathwayBody view={view} />
    </Stack>
  );
}
