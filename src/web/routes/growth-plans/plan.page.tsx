import { Anchor, Badge, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconHistory, IconPencil, IconPrinter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, Suspense, useState } from "react";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { planQuery } from "../../api/growth-plans.api.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { PlanBookmarks } from "../learning/plan-bookmarks.tsx";
import {
  AutosaveRegistryContext,
  createAutosaveRegistry,
  useCombinedAutosaveStatus,
} from "./autosave/use-autosave.ts";
import { AutosaveStatusIndicator } from "./autosave-status.tsx";
import { ExportMenu } from "./export-menu.tsx";
import classes from "./growth-plans.module.css";
import { PlanDocument, planDocumentContent } from "./plan-document.tsx";
import type { PlanSearch } from "./plan-search.ts";
import { EnergyJournal, StepNavigation, StepPanel } from "./plan-steps.tsx";
import { SectionComments } from "./section-comments.tsx";
import { sectionGuides } from "./section-guide.ts";
import { SharingButton } from "./sharing-button.tsx";

const routeApi = getRouteApi("/app/growth-plans/$planId");

export function PlanPage() {
  const { planId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const plan = useQuery(planQuery(planId));

  if (plan.isPending) return <PageLoader />;
  if (plan.error instanceof ApiError && (plan.error.status === 404 || plan.error.status === 400)) {
    return (
      <PageNotFound
        title="Growth plan not found"
        message="There is no plan here that you can read. It may not be shared with you, or the link may be wrong."
      />
    );
  }
  if (plan.isError) {
    return <QueryErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  if (plan.data.access.relation === "owner") return <OwnPlan view={plan.data} search={search} />;
  return <SharedPlan view={plan.data} />;
}

function PlanHeader({
  view,
  children,
  status,
}: {
  view: PlanView;
  children: ReactNode;
  status?: ReactNode;
}) {
  const isOwner = view.access.relation === "owner";
  return (
    <Stack gap="sm">
      <AnchorLink to={isOwner ? "/growth-plans" : "/growth-plans/shared"} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {isOwner ? "Growth plans" : "Shared with me"}
        </Group>
      </AnchorLink>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: "1 1 18rem" }}>
          <Group gap="xs">
            <Title order={1} style={{ overflowWrap: "anywhere" }}>
              {view.plan.title}
            </Title>
            <Badge
              variant="light"
              color={view.plan.status === "active" ? "trellis" : "gray"}
              tt="none"
            >
              {view.plan.status === "active" ? "Active" : "Archived"}
            </Badge>
          </Group>
          {!isOwner && <Text c="dimmed">Growth plan of {view.plan.owner.displayName}</Text>}
          {status}
        </Stack>
        <Group gap="xs">{children}</Group>
      </Group>
    </Stack>
  );
}

function OwnPlan({ view, search }: { view: PlanView; search: PlanSearch }) {
  usePageTitle(view.plan.title);
  const [registry] = useState(createAutosaveRegistry);
  const status = useCombinedAutosaveStatus(registry);
  const planId = view.plan.id;
  const overview = search.view === "overview";
  const step = search.step ?? "inspiration";
  const navigate = useNavigate();

  return (
    <AutosaveRegistryContext.Provider value={registry}>
      <Stack gap="lg">
        <PlanHeader view={view} status={<AutosaveStatusIndicator status={status} />}>
          <SharingButton planId={planId} ownerId={view.plan.owner.id} />
          <ExportMenu planId={planId} />
          <ButtonLink
            to="/growth-plans/$planId/history"
            params={{ planId }}
            variant="default"
            leftSection={<IconHistory size={18} aria-hidden />}
          >
            History
          </ButtonLink>
          <PrintViewLink planId={planId} />
        </PlanHeader>
        <SegmentedControl
          aria-label="Mode"
          style={{ alignSelf: "flex-start" }}
          value={overview ? "overview" : "guided"}
          onChange={(mode) =>
            void navigate({
              to: "/growth-plans/$planId",
              params: { planId },
              search: mode === "overview" ? { view: "overview" } : { step },
              replace: true,
            })
          }
          data={[
            { value: "guided", label: "Step by step" },
            { value: "overview", label: "Whole plan" },
          ]}
        />

        {overview && (
          <PlanDocument
            content={{
              sections: Object.fromEntries(
                Object.entries(view.sections).map(([key, section]) => [key, section?.content]),
              ),
              goals: view.goals,
              energy: view.energy,
            }}
            after={(key) =>
              key === "exploration" ? <PlanBookmarks planId={planId} isOwner /> : null
            }
            actions={(key) => (
              <ButtonLink
                to="/growth-plans/$planId"
                params={{ planId }}
                search={{ step: key }}
                variant="light"
                size="compact-sm"
                leftSection={<IconPencil size={16} aria-hidden />}
                aria-label={`Edit ${sectionTitles[key]}`}
              >
                Edit
              </ButtonLink>
            )}
          />
        )}

        {/* Every step stays mounted while hidden, so a change waiting to be saved survives a step change. */}
        <div className={classes.guided} hidden={overview}>
          <StepNavigation view={view} step={step} />
          <div>
            {sectionGuides.map((guide) => (
              <div key={guide.key} hidden={guide.key !== step}>
                <StepPanel
                  view={view}
                  section={guide.key}
                  active={!overview && guide.key === step}
                />
              </div>
            ))}
          </div>
        </div>
      </Stack>
    </AutosaveRegistryContext.Provider>
  );
}

/** A plan someone shared with me: the sections I may read, each with its comments. */
function SharedPlan({ view }: { view: PlanView }) {
  usePageTitle(`${view.plan.title} · ${view.plan.owner.displayName}`);
  const planId = view.plan.id;
  return (
    <Stack gap="lg">
      <PlanHeader view={view}>
        <ExportMenu planId={planId} />
        <PrintViewLink planId={planId} />
      </PlanHeader>
      <Text>
        You can read the sections {view.plan.owner.displayName} shares with you, and comment on
        them. Sections they keep private are not shown.{" "}
        <Anchor component={Link} to="/growth-plans/shared" underline="always">
          Other plans shared with you
        </Anchor>
      </Text>
      <PlanDocument
        content={planDocumentContent(view)}
        energy={
          view.energy ? (
            <Suspense fallback={<PageLoader />}>
              <EnergyJournal planId={planId} canEdit={false} />
            </Suspense>
          ) : undefined
        }
        after={(key) => (
          <>
            {key === "exploration" && <PlanBookmarks planId={planId} isOwner={false} />}
            {view.access.canComment && (
              <SectionComments planId={planId} section={key} canResolve={false} />
            )}
          </>
        )}
      />
    </Stack>
  );
}

function PrintViewLink({ planId }: { planId: string }) {
  return (
    <ButtonLink
      to="/growth-plans/$planId/print"
      params={{ planId }}
      variant="default"
      leftSection={<IconPrinter size={18} aria-hidden />}
    >
      Print view
    </ButtonLink>
  );
}
