import {
  Anchor,
  Badge,
  Group,
  List,
  NativeSelect,
  NavLink,
  type NavLinkProps,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import {
  IconArrowLeft,
  IconArrowRight,
  IconHistory,
  IconPencil,
  IconPrinter,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createLink, getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import {
  type ComponentPropsWithRef,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useRef,
  useState,
} from "react";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { type GrowthPlanSectionKey, sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import { ApiError } from "../../api/api-error.ts";
import { planQuery, sharingQuery, templatesQuery } from "../../api/growth-plans.api.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { PageNotFound } from "../../components/page-not-found.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink, ButtonLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
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
import { SectionComments } from "./section-comments.tsx";
import { guideOf, sectionGuides } from "./section-guide.ts";
import { AccomplishmentsEditor } from "./sections/accomplishments-editor.tsx";
import { ExplorationEditor } from "./sections/exploration-editor.tsx";
import { GoalsEditor } from "./sections/goals-editor.tsx";
import { InspirationEditor } from "./sections/inspiration-editor.tsx";
import { RoleEditor } from "./sections/role-editor.tsx";
import { TrackingEditor } from "./sections/tracking-editor.tsx";
import { describeAudience, SharingButton } from "./sharing-button.tsx";

// The journal's chart brings recharts (about 100 KB); it loads when the journal is first shown.
const EnergyJournal = lazy(() =>
  import("./energy-journal.tsx").then((module) => ({ default: module.EnergyJournal })),
);

const routeApi = getRouteApi("/app/growth-plans/$planId");

type NavLinkAnchorProps = Omit<NavLinkProps, "href"> & Omit<ComponentPropsWithRef<"a">, "color">;

function NavLinkAnchor(props: NavLinkAnchorProps) {
  return <NavLink component="a" {...props} />;
}

/** A Mantine NavLink that is a typed router link. */
const StepLink = createLink(NavLinkAnchor);

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
        <div className={classes.guided} data-wide={step === "goals" || undefined} hidden={overview}>
          <StepNavigation planId={planId} step={step} />
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

function StepNavigation({ planId, step }: { planId: string; step: GrowthPlanSectionKey }) {
  const navigate = useNavigate();
  return (
    <nav aria-label="Plan sections" className={classes.stepNavigation}>
      <NativeSelect
        hiddenFrom="md"
        label="Section"
        value={step}
        data={sectionGuides.map((guide, index) => ({
          value: guide.key,
          label: `${index + 1}. ${guide.stepLabel}`,
        }))}
        onChange={(event) =>
          void navigate({
            to: "/growth-plans/$planId",
            params: { planId },
            search: { step: event.currentTarget.value as GrowthPlanSectionKey },
          })
        }
      />
      <Stack
        gap={2}
        visibleFrom="md"
        component="ol"
        p={0}
        m={0}
        className={classes.stepList}
        style={{ listStyle: "none" }}
      >
        {sectionGuides.map((guide, index) => (
          <li key={guide.key}>
            <StepLink
              to="/growth-plans/$planId"
              params={{ planId }}
              search={{ step: guide.key }}
              label={guide.stepLabel}
              leftSection={
                <Text size="sm" fw={700} component="span" w={18} ta="right" aria-hidden>
                  {index + 1}
                </Text>
              }
              active={guide.key === step}
              aria-current={guide.key === step ? "step" : undefined}
              activeOptions={{ includeSearch: true }}
            />
          </li>
        ))}
      </Stack>
    </nav>
  );
}

function StepPanel({
  view,
  section,
  active,
}: {
  view: PlanView;
  section: GrowthPlanSectionKey;
  active: boolean;
}) {
  const guide = guideOf(section);
  const planId = view.plan.id;
  const index = sectionGuides.indexOf(guide);
  const previous = sectionGuides[index - 1];
  const next = sectionGuides[index + 1];
  const sharing = useQuery({ ...sharingQuery(planId), enabled: active });
  const templates = useQuery({ ...templatesQuery, enabled: active && section === "inspiration" });
  const hint =
    templates.data?.templates.find((template) => template.id === view.plan.templateId)?.content
      .inspirationHint ?? null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasActive = useRef(active);

  // Moving to a step puts keyboard and screen-reader focus on its heading.
  useEffect(() => {
    if (active && !wasActive.current) headingRef.current?.focus();
    wasActive.current = active;
  }, [active]);

  return (
    <Stack gap="lg" component="section" aria-labelledby={`step-${section}`}>
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          Step {index + 1} of {sectionGuides.length}
        </Text>
        <Title order={2} id={`step-${section}`} ref={headingRef} tabIndex={-1}>
          {sectionTitles[section]}
        </Title>
        <Text>{guide.intro}</Text>
        {sharing.data && (
          <Text size="sm" c="dimmed">
            {describeAudience(sharing.data.sections[section], sharing.data.manager)}.
          </Text>
        )}
      </Stack>
      <Stack
        gap={4}
        className={classes.tips}
        component="aside"
        aria-label={`Tips for ${guide.stepLabel}`}
      >
        <Text size="sm" fw={700}>
          Tips from the handbook
        </Text>
        <List size="sm" spacing={4}>
          {guide.tips.map((tip) => (
            <List.Item key={tip}>{tip}</List.Item>
          ))}
        </List>
      </Stack>

      <SectionEditor view={view} section={section} active={active} hint={hint} />

      <SectionComments planId={planId} section={section} canResolve />

      <Group justify="space-between" gap="sm">
        {previous ? (
          <ButtonLink
            to="/growth-plans/$planId"
            params={{ planId }}
            search={{ step: previous.key }}
            variant="default"
            leftSection={<IconArrowLeft size={18} aria-hidden />}
          >
            {previous.stepLabel}
          </ButtonLink>
        ) : (
          <span />
        )}
        {next ? (
          <ButtonLink
            to="/growth-plans/$planId"
            params={{ planId }}
            search={{ step: next.key }}
            rightSection={<IconArrowRight size={18} aria-hidden />}
          >
            Next: {next.stepLabel}
          </ButtonLink>
        ) : (
          <ButtonLink to="/growth-plans/$planId" params={{ planId }} search={{ view: "overview" }}>
            See the whole plan
          </ButtonLink>
        )}
      </Group>
    </Stack>
  );
}

function SectionEditor({
  view,
  section,
  active,
  hint,
}: {
  view: PlanView;
  section: GrowthPlanSectionKey;
  active: boolean;
  hint: string | null;
}) {
  switch (section) {
    case "inspiration":
      return <InspirationEditor plan={view} hint={hint} />;
    case "energy":
      // No draft to keep: entries save at once, so the journal (and its chart) loads when shown.
      return active ? (
        <Suspense fallback={<PageLoader />}>
          <EnergyJournal planId={view.plan.id} canEdit />
        </Suspense>
      ) : null;
    case "role":
      return <RoleEditor plan={view} />;
    case "exploration":
      return <ExplorationEditor plan={view} />;
    case "goals":
      return <GoalsEditor plan={view} />;
    case "tracking":
      return <TrackingEditor plan={view} />;
    case "accomplishments":
      return <AccomplishmentsEditor plan={view} />;
  }
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
        after={(key) =>
          view.access.canComment ? (
            <SectionComments planId={planId} section={key} canResolve={false} />
          ) : null
        }
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
