import { Group, Paper, Stack, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import type { GoalContent } from "#core/growth-plan/goals.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import {
  type AccomplishmentsContent,
  type ExplorationContent,
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
  type InspirationContent,
  type RoleContent,
  sectionTitles,
  type TrackingContent,
} from "#core/growth-plan/sections.schemas.ts";
import {
  AccomplishmentsView,
  EnergyLine,
  ExplorationView,
  GoalsView,
  InspirationView,
  RoleView,
  TrackingView,
} from "./plan-section-views.tsx";

export interface PlanDocumentContent {
  sections: {
    inspiration?: InspirationContent | undefined;
    role?: RoleContent | undefined;
    exploration?: ExplorationContent | undefined;
    tracking?: TrackingContent | undefined;
    accomplishments?: AccomplishmentsContent | undefined;
  };
  goals?: { id: string; content: GoalContent }[] | undefined;
  energy?: { entryCount: number; lastEntryAt: string | null } | undefined;
}

/** What a plan's answer holds, as the document shows it: each readable section's content. */
export function planDocumentContent(
  view: Pick<PlanView, "sections" | "goals" | "energy">,
): PlanDocumentContent {
  return {
    sections: Object.fromEntries(
      Object.entries(view.sections).map(([key, section]) => [key, section?.content]),
    ),
    goals: view.goals,
    energy: view.energy,
  };
}

interface PlanDocumentProps {
  content: PlanDocumentContent;
  /** Beside each section's title, e.g. an "Edit" link. */
  actions?: (section: GrowthPlanSectionKey) => ReactNode;
  /** Under each section, e.g. its comments. */
  after?: (section: GrowthPlanSectionKey) => ReactNode;
  /** Replaces the energy journal's summary line, e.g. with the journal itself. */
  energy?: ReactNode;
}

/** A plan as a document to read: the overview, a shared plan, a past version, the print view. */
export function PlanDocument({ content, actions, after, energy }: PlanDocumentProps) {
  const present = growthPlanSectionKeys.filter((key) =>
    key === "goals"
      ? content.goals !== undefined
      : key === "energy"
        ? content.energy !== undefined || energy !== undefined
        : content.sections[key] !== undefined,
  );
  return (
    <Stack gap="lg">
      {present.map((key) => (
        <DocumentSection key={key} title={sectionTitles[key]} actions={actions?.(key)}>
          <SectionBody section={key} content={content} energy={energy} />
          {after?.(key)}
        </DocumentSection>
      ))}
    </Stack>
  );
}

function DocumentSection({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      radius="lg"
      p="lg"
      className="plan-document-section"
    >
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h3" id={headingId}>
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function SectionBody({
  section,
  content,
  energy,
}: {
  section: GrowthPlanSectionKey;
  content: PlanDocumentContent;
  energy: ReactNode;
}) {
  switch (section) {
    case "inspiration":
      return content.sections.inspiration ? (
        <InspirationView content={content.sections.inspiration} />
      ) : null;
    case "energy":
      return energy ?? <EnergyLine energy={content.energy} />;
    case "role":
      return content.sections.role ? <RoleView content={content.sections.role} /> : null;
    case "exploration":
      return content.sections.exploration ? (
        <ExplorationView content={content.sections.exploration} />
      ) : null;
    case "goals":
      return <GoalsView goals={content.goals ?? []} />;
    case "tracking":
      return content.sections.tracking ? (
        <TrackingView content={content.sections.tracking} />
      ) : null;
    case "accomplishments":
      return content.sections.accomplishments ? (
        <AccomplishmentsView
          content={content.sections.accomplishments}
          goals={content.goals ?? []}
        />
      ) : null;
  }
}
