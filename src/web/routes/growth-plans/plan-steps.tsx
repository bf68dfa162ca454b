import {
  Badge,
  Group,
  List,
  NativeSelect,
  NavLink,
  type NavLinkProps,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import {
  IconArrowLeft,
  IconArrowRight,
  IconCircleCheck,
  IconCircleDashed,
  IconMessage,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createLink, useNavigate } from "@tanstack/react-router";
import { type ComponentPropsWithRef, lazy, Suspense, useEffect, useRef } from "react";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import { type GrowthPlanSectionKey, sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import { commentsQuery, sharingQuery, templatesQuery } from "../../api/growth-plans.api.ts";
import { PageLoader } from "../../components/page-loader.tsx";
import { ButtonLink } from "../../components/router-links.tsx";
import classes from "./growth-plans.module.css";
import { SectionComments } from "./section-comments.tsx";
import { guideOf, sectionGuides } from "./section-guide.ts";
import { AccomplishmentsEditor } from "./sections/accomplishments-editor.tsx";
import { ExplorationEditor } from "./sections/exploration-editor.tsx";
import { GoalsEditor } from "./sections/goals-editor.tsx";
import { InspirationEditor } from "./sections/inspiration-editor.tsx";
import { RoleEditor } from "./sections/role-editor.tsx";
import { TrackingEditor } from "./sections/tracking-editor.tsx";
import { describeAudience } from "./sharing-button.tsx";
import { isSectionFilled, openCommentCounts, openCommentsLabel } from "./step-status.ts";

// The guided mode of one's own plan: the list of steps and each step's panel.

// The journal's chart brings recharts (about 100 KB); it loads when the journal is first shown.
export const EnergyJournal = lazy(() =>
  import("./energy-journal.tsx").then((module) => ({ default: module.EnergyJournal })),
);

type NavLinkAnchorProps = Omit<NavLinkProps, "href"> & Omit<ComponentPropsWithRef<"a">, "color">;

function NavLinkAnchor(props: NavLinkAnchorProps) {
  return <NavLink component="a" {...props} />;
}

/** A Mantine NavLink that is a typed router link. */
const StepLink = createLink(NavLinkAnchor);

export function StepNavigation({ view, step }: { view: PlanView; step: GrowthPlanSectionKey }) {
  const navigate = useNavigate();
  const planId = view.plan.id;
  const comments = useQuery(commentsQuery(planId));
  const openComments = openCommentCounts(comments.data?.comments ?? []);
  const stateOf = (key: GrowthPlanSectionKey) => {
    const filled = isSectionFilled(view, key);
    const open = openComments[key] ?? 0;
    return { filled, open, text: filled ? "Filled in" : "Empty" };
  };
  return (
    <nav aria-label="Plan sections" className={classes.stepNavigation}>
      <NativeSelect
        hiddenFrom="md"
        label="Section"
        value={step}
        data={sectionGuides.map((guide, index) => {
          const state = stateOf(guide.key);
          const comments = state.open > 0 ? `, ${openCommentsLabel(state.open)}` : "";
          return {
            value: guide.key,
            label: `${index + 1}. ${guide.stepLabel} (${state.text.toLowerCase()}${comments})`,
          };
        })}
        onChange={(event) =>
          void navigate({
            to: "/growth-plans/$planId",
            params: { planId },
            search: { step: event.currentTarget.value as GrowthPlanSectionKey },
          })
        }
      />
      <Stack gap={2} visibleFrom="md" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
        {sectionGuides.map((guide, index) => {
          const state = stateOf(guide.key);
          return (
            <li key={guide.key}>
              <StepLink
                to="/growth-plans/$planId"
                params={{ planId }}
                search={{ step: guide.key }}
                label={guide.stepLabel}
                description={
                  <Group gap={4} component="span" wrap="nowrap">
                    {state.filled ? (
                      <IconCircleCheck size={14} aria-hidden />
                    ) : (
                      <IconCircleDashed size={14} aria-hidden />
                    )}
                    {state.text}
                  </Group>
                }
                classNames={{ label: classes.stepLabel, description: classes.stepState }}
                leftSection={
                  <Text size="sm" fw={700} component="span" w={18} ta="right" aria-hidden>
                    {index + 1}
                  </Text>
                }
                rightSection={
                  state.open > 0 ? (
                    <Badge
                      size="sm"
                      variant="light"
                      color="gray"
                      leftSection={<IconMessage size={12} aria-hidden />}
                      title={openCommentsLabel(state.open)}
                    >
                      {state.open}
                      <VisuallyHidden>
                        {state.open === 1 ? " open comment" : " open comments"}
                      </VisuallyHidden>
                    </Badge>
                  ) : undefined
                }
                active={guide.key === step}
                aria-current={guide.key === step ? "step" : undefined}
                activeOptions={{ includeSearch: true }}
              />
            </li>
          );
        })}
      </Stack>
    </nav>
  );
}

export function StepPanel({
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

  const tips = (
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
  );

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
      {/* The journal's log form comes before the tips: it is what a person opens the step for. */}
      {section !== "energy" && tips}
      <SectionEditor view={view} section={section} active={active} hint={hint} />
      {section === "energy" && tips}

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
