import {
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import type { BenefitSettings } from "#core/benefits.schemas.ts";
import { AmountMinor } from "#core/benefits.schemas.ts";
import { formatMoney, parseMajorAmount, toMajorText } from "#core/benefits-money.ts";
import {
  benefitOverridesQuery,
  benefitQueueQuery,
  benefitSettingsQuery,
  benefitsQueryKey,
  saveBenefitOverride,
  saveBenefitSettings,
} from "../../api/benefits.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { useApiForm } from "../../forms/use-api-form.ts";
import { useNavigationArea } from "../app/navigation-area.ts";
import { LearningAdminLinks } from "../learning/learning-nav.tsx";
import { type BenefitSettingsValues, benefitSettingsForm } from "./benefit-forms.ts";
import { RequestTable } from "./request-table.tsx";

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
].map((label, index) => ({ value: String(index + 1), label }));

const settingsValues = (settings: BenefitSettings): BenefitSettingsValues => ({
  baseVersion: settings.version,
  amountMinor: toMajorText(settings.amountMinor, settings.currency),
  currency: settings.currency,
  fiscalYearStartMonth: String(settings.fiscalYearStartMonth),
  fiscalYearStartDay: settings.fiscalYearStartDay,
});

function SettingsForm({ settings }: { settings: BenefitSettings }) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: benefitSettingsForm,
    initialValues: settingsValues(settings),
    submit: saveBenefitSettings,
    onSuccess: async (saved) => {
      setConflict(null);
      form.setValues(settingsValues(saved));
      form.resetDirty(settingsValues(saved));
      await queryClient.invalidateQueries({ queryKey: benefitsQueryKey });
    },
    onError: async () => {
      await queryClient.invalidateQueries({ queryKey: benefitsQueryKey });
      const fresh = await queryClient.fetchQuery(benefitSettingsQuery);
      if (fresh.version !== form.getValues().baseVersion) {
        setConflict(
          `Someone saved the settings meanwhile: now ${formatMoney(fresh.amountMinor, fresh.currency)} a year. Your values are kept here; save again to replace them.`,
        );
        form.setFieldValue("baseVersion", fresh.version);
      }
    },
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Benefit settings">
      <Stack gap="sm">
        <FormErrorAlert message={conflict ?? formError} />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Yearly amount per person"
            inputMode="decimal"
            withAsterisk
            {...form.getInputProps("amountMinor")}
          />
          <TextInput
            label="Currency (ISO 4217)"
            maxLength={3}
            withAsterisk
            {...form.getInputProps("currency")}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label="Fiscal year starts in"
            data={months}
            {...form.getInputProps("fiscalYearStartMonth")}
          />
          <NumberInput
            label="On day"
            min={1}
            max={31}
            allowDecimal={false}
            {...form.getInputProps("fiscalYearStartDay")}
          />
        </Group>
        <Text size="xs" c="dimmed">
          Requests are made in this currency. A request counts in the fiscal year its start date
          falls in.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const OverrideForm = z.object({
  personId: z.string().min(1, "Choose a person"),
  amount: z.string(),
});

function Overrides({ settings }: { settings: BenefitSettings }) {
  const queryClient = useQueryClient();
  const overrides = useQuery(benefitOverridesQuery);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: OverrideForm.superRefine((values, issue) => {
      if (values.amount.trim() && parseMajorAmount(values.amount, settings.currency) === null) {
        issue.addIssue({
          code: "custom",
          path: ["amount"],
          message: "Enter an amount such as 2000",
        });
      }
    }),
    mode: "controlled",
    initialValues: { personId: "", amount: "" },
    submit: async (values) => {
      const current = overrides.data?.items.find((item) => item.person.id === values.personId);
      const amountMinor = values.amount.trim()
        ? AmountMinor.parse(parseMajorAmount(values.amount, settings.currency))
        : null;
      return saveBenefitOverride(values.personId, {
        baseVersion: current?.version ?? 0,
        amountMinor,
      });
    },
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: benefitsQueryKey });
    },
  });
  return (
    <Stack gap="sm">
      <QueryStatus query={overrides} />
      {overrides.data && overrides.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table fz="sm" striped captionSide="top">
            <Table.Caption>People with an amount of their own</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Yearly amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overrides.data.items.map((item) => (
                <Table.Tr key={item.person.id}>
                  <Table.Td>{item.person.name}</Table.Td>
                  <Table.Td>
                    {item.amountMinor === null
                      ? "Standard"
                      : formatMoney(item.amountMinor, settings.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form noValidate onSubmit={onSubmit} aria-label="A person's own amount">
        <Stack gap="sm">
          <FormErrorAlert message={formError} />
          <PersonSelect
            label="Person"
            value={form.getValues().personId || null}
            onChange={(personId) => form.setFieldValue("personId", personId ?? "")}
            error={form.errors.personId}
          />
          <TextInput
            label={`Their yearly amount (${settings.currency})`}
            description="Leave empty to give them the standard amount again."
            inputMode="decimal"
            {...form.getInputProps("amount")}
          />
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={mutation.isPending}>
              Save amount
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** L&D's page: the queue of requests, the settings and per-person amounts. */
export function BenefitsAdminPage() {
  usePageTitle("Growth and development benefit");
  useNavigationArea("/admin/learning");
  const settings = useQuery(benefitSettingsQuery);
  const queue = useQuery(benefitQueueQuery());
  return (
    <Stack gap="md">
      <LearningAdminLinks />
      <Title order={1}>Growth and development benefit</Title>
      <TitledSection
        title="L&D queue"
        description="Waiting for L&D, waiting for a manager, and approved but not paid yet; oldest first."
      >
        <QueryStatus query={queue} />
        {queue.data && (
          <RequestTable items={queue.data.items} caption="Open requests" showRequester />
        )}
      </TitledSection>
      <TitledSection title="Settings">
        <QueryStatus query={settings} />
        {settings.data && <SettingsForm key={settings.data.version} settings={settings.data} />}
      </TitledSection>
      <TitledSection title="A person's own amount">
        {settings.data && <Overrides settings={settings.data} />}
      </TitledSection>
    </Stack>
  );
}
