import { Anchor, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { BenefitDecisionView, BenefitRequestView } from "#core/benefits.schemas.ts";
import { formatMoney } from "#core/benefits-money.ts";
import { benefitRequestQuery } from "../../api/benefits.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatCalendarDate, formatDateTime } from "../../format/dates.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";
import { statusLabels } from "./benefit-forms.ts";
import { BudgetFigures } from "./budget-figures.tsx";
import {
  LdDecisionPanel,
  ManagerDecisionPanel,
  QuickActions,
  ReceiptPanel,
} from "./request-actions.tsx";

const route = getRouteApi("/app/learning/benefit/requests/$requestId");

function Decision({ who, decision }: { who: string; decision: BenefitDecisionView | null }) {
  if (!decision) {
    return <Text size="sm">{who}: not decided yet.</Text>;
  }
  return (
    <Text size="sm">
      {who}: {decision.decision === "approved" ? "approved" : "declined"} by{" "}
      {decision.by?.name ?? "someone"} on {formatDateTime(decision.at)}
      {decision.note ? ` — “${decision.note}”` : ""}
    </Text>
  );
}

function Facts({ request }: { request: BenefitRequestView }) {
  const rows: [string, string][] = [
    ["Requested by", request.requester.name],
    ["Provider", request.provider],
    ["Cost", formatMoney(request.costMinor, request.currency)],
    [
      "Dates",
      request.endsOn
        ? `${formatCalendarDate(request.startsOn)} to ${formatCalendarDate(request.endsOn)}`
        : formatCalendarDate(request.startsOn),
    ],
    ["Status", statusLabels[request.status]],
    ["Supports the goal", request.goal?.label ?? "None named"],
  ];
  return (
    <Stack gap={4}>
      {rows.map(([label, value]) => (
        <Text key={label} size="sm">
          <Text span fw={600}>
            {label}:
          </Text>{" "}
          {value}
        </Text>
      ))}
      {request.link && (
        <Text size="sm">
          <Text span fw={600}>
            Link:
          </Text>{" "}
          <Anchor href={request.link} target="_blank" rel="noopener noreferrer">
            {request.link}
          </Anchor>
        </Text>
      )}
      {request.details && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {request.details}
        </Text>
      )}
    </Stack>
  );
}

export function BenefitRequestPage() {
  const { requestId } = route.useParams();
  const query = useQuery(benefitRequestQuery(requestId));
  const request = query.data;
  usePageTitle(request ? `Benefit request: ${request.title}` : "Benefit request");

  return (
    <Stack gap="md">
      <LearningLinks />
      <QueryStatus query={query} />
      {request && (
        <>
          <Title order={1}>{request.title}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TitledSection title="The request">
              <Facts request={request} />
              <QuickActions request={request} />
            </TitledSection>
            <TitledSection title="Decisions">
              <Decision who="Manager" decision={request.managerDecision} />
              <Decision who="L&D" decision={request.ldDecision} />
              {request.ldDecision?.overrideReason && (
                <Text size="sm">Over budget by override: {request.ldDecision.overrideReason}</Text>
              )}
              {request.paidAt && <Text size="sm">Paid on {formatDateTime(request.paidAt)}.</Text>}
              {request.can.managerDecide && <ManagerDecisionPanel request={request} />}
              {request.can.ldDecide && <LdDecisionPanel request={request} />}
            </TitledSection>
          </SimpleGrid>
          <TitledSection
            title={`Budget ${request.budget.fiscalYear.label}`}
            description={
              request.exceedsRemaining
                ? "This request costs more than what remains: L&D can approve it only with an override."
                : "The requester's budget of the fiscal year the request starts in."
            }
          >
            <BudgetFigures budget={request.budget} />
          </TitledSection>
          <TitledSection title="Receipts">
            {request.receipts.length === 0 ? (
              <Text size="sm" c="dimmed">
                No receipts yet.
              </Text>
            ) : (
              <List size="sm">
                {request.receipts.map((receipt) => (
                  <List.Item key={receipt.id}>
                    <Anchor href={receipt.url} target="_blank" rel="noopener noreferrer">
                      {receipt.label}
                    </Anchor>{" "}
                    ({formatDateTime(receipt.addedAt)})
                  </List.Item>
                ))}
              </List>
            )}
            {request.can.addReceipt && <ReceiptPanel request={request} />}
          </TitledSection>
        </>
      )}
    </Stack>
  );
}
