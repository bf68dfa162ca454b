import { Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import {
  benefitApprovalsQuery,
  benefitBudgetQuery,
  benefitSettingsQuery,
  ownBenefitRequestsQuery,
} from "../../api/benefits.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useCurrentUser } from "../../session/use-current-user.ts";
import { LearningLinks } from "../learning/learning-nav.tsx";
import { BudgetFigures } from "./budget-figures.tsx";
import { BenefitRequestForm } from "./request-form.tsx";
import { RequestTable } from "./request-table.tsx";

/** My budget, my requests, a new request, and for managers the requests of their reports. */
export function BenefitPage() {
  usePageTitle("Growth and development benefit");
  const user = useCurrentUser();
  const budget = useQuery(benefitBudgetQuery());
  const settings = useQuery(benefitSettingsQuery);
  const mine = useQuery(ownBenefitRequestsQuery);
  const approvals = useQuery({ ...benefitApprovalsQuery, enabled: user.managesPeople });

  return (
    <Stack gap="md">
      <LearningLinks />
      <Title order={1}>Growth and development benefit</Title>
      <Text>
        Funding for courses, certifications, conferences and books that support a goal of your
        growth plan. Review it with your manager: their decision on a request completes that step of
        your pathway.
      </Text>
      <TitledSection
        title="My budget"
        description={
          budget.data
            ? `Fiscal year ${budget.data.fiscalYear.label}, ${budget.data.fiscalYear.startsOn} to ${budget.data.fiscalYear.endsOn}.`
            : undefined
        }
      >
        <QueryStatus query={budget} />
        {budget.data && <BudgetFigures budget={budget.data} />}
      </TitledSection>
      {user.managesPeople && (
        <TitledSection
          title="Requests of my reports"
          description="Open one to approve or decline it with a note."
        >
          <QueryStatus query={approvals} />
          {approvals.data && (
            <RequestTable
              items={approvals.data.items}
              caption="Requests of my reports"
              showRequester
            />
          )}
        </TitledSection>
      )}
      <TitledSection title="My requests">
        <QueryStatus query={mine} />
        {mine.data && <RequestTable items={mine.data.items} caption="My requests" />}
      </TitledSection>
      <TitledSection title="Request funding">
        <QueryStatus query={settings} />
        {settings.data && <BenefitRequestForm currency={settings.data.currency} />}
      </TitledSection>
    </Stack>
  );
}
