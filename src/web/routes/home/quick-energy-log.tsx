import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CreateEnergyEntryBody, energyLevelLabels } from "#core/growth-plan/energy.schemas.ts";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import { growthPlansQueryKey, logEnergyEntry } from "../../api/growth-plans.api.ts";
import { EnergyLevelField } from "../../components/energy-level-field.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { TitledSection } from "../../components/titled-section.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import classes from "./home.module.css";
import { useActivePlan } from "./use-active-plan.ts";

/** Home: a level and a few words into the active plan's energy journal, without leaving. */
export function QuickEnergyLog() {
  const { active } = useActivePlan();
  if (!active) return null;
  return (
    <TitledSection
      title="Log your energy"
      description="A few seconds now; the pattern over the weeks shows what energizes and drains you."
    >
      <QuickEnergyForm planId={active.id} />
    </TitledSection>
  );
}

function QuickEnergyForm({ planId }: { planId: string }) {
  const queryClient = useQueryClient();
  const [logged, setLogged] = useState<string | null>(null);
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: CreateEnergyEntryBody,
    mode: "controlled",
    initialValues: { level: null as number | null, activity: "", tags: [] as string[], note: "" },
    submit: (body) => logEnergyEntry(planId, body),
    onSuccess: async (entry) => {
      form.reset();
      setLogged(
        `Logged: ${energyLevelLabels[entry.level as 1] ?? entry.level} while ${entry.activity}.`,
      );
      // The journal, its summary and the plan's entry count.
      await queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
    },
  });
  const levelError = form.errors.level;

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Quick energy log">
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <EnergyLevelField
          compact
          value={form.values.level}
          error={levelError as string | undefined}
          onChange={(level) => {
            setLogged(null);
            form.setFieldValue("level", level);
          }}
        />
        <TextInput
          label="What were you doing?"
          placeholder="e.g. pairing on a bug, 1:1, planning"
          maxLength={growthPlanLimits.shortText}
          {...form.getInputProps("activity")}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          Log energy
        </Button>
        <Text size="sm" role="status" aria-live="polite" className={classes.logged}>
          {logged}
        </Text>
      </Stack>
    </form>
  );
}
