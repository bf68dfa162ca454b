import {
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type ProgramView,
  SaveApplicationBody,
  SaveMentorBody,
} from "#core/mentorship/mentorship.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  mentorshipKeys,
  saveApplication,
  saveMentor,
  withdrawApplication,
  withdrawMentor,
} from "../../api/mentorship.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { useApiForm } from "../../forms/use-api-form.ts";
import { timeZoneOptions } from "../people/time-zones.ts";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

function useRefreshProgram() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: mentorshipKeys.all });
}

/** Register as a mentor, or change the registration; withdraw stops new matches. */
export function MentorForm({ program }: { program: ProgramView }) {
  const refresh = useRefreshProgram();
  const mine = program.myMentor;
  const active = mine?.status === "active";
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: SaveMentorBody,
    mode: "controlled",
    initialValues: {
      baseVersion: active ? mine.version : null,
      skills: mine?.skills ?? [],
      capacity: mine?.capacity ?? 2,
      timeZone: mine?.timeZone ?? browserZone(),
      division: mine?.division ?? "",
      bio: mine?.bio ?? "",
    },
    submit: (values) => saveMentor(program.id, values),
    onSuccess: () => {
      notifications.show({
        color: "green",
        message: active ? "Your registration was saved." : "You are registered as a mentor.",
      });
      void refresh();
    },
    onError: () => void refresh(),
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawMentor(program.id, mine?.version ?? 0),
    onSuccess: () => {
      notifications.show({ message: "You no longer take new mentees in this program." });
      void refresh();
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Mentor registration">
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        <TagsInput
          label="Skills you can help with"
          description="Press Enter after each one"
          required
          {...form.getInputProps("skills")}
        />
        <NumberInput
          label="Mentees you can take"
          min={1}
          max={10}
          allowDecimal={false}
          required
          {...form.getInputProps("capacity")}
        />
        <Select
          label="Your time zone"
          searchable
          allowDeselect={false}
          data={timeZoneOptions(form.values.timeZone)}
          {...form.getInputProps("timeZone")}
        />
        <TextInput label="Your division" {...form.getInputProps("division")} />
        <Textarea label="A short bio" autosize minRows={2} {...form.getInputProps("bio")} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {active ? "Save registration" : "Sign up as a mentor"}
          </Button>
          {active && (
            <Button
              variant="default"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate()}
            >
              Withdraw as a mentor
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Apply as a mentee, or change the application; it is read by you and the program's owners. */
export function ApplicationForm({ program }: { program: ProgramView }) {
  const refresh = useRefreshProgram();
  const mine = program.myApplication;
  const current = mine && mine.status !== "withdrawn";
  const { form, mutation, onSubmit, formError } = useApiForm({
    schema: SaveApplicationBody,
    mode: "controlled",
    initialValues: {
      baseVersion: current ? mine.version : null,
      cohortId: mine?.cohortId ?? program.cohorts[0]?.id ?? null,
      goals: mine?.goals ?? "",
      skillsWanted: mine?.skillsWanted ?? [],
      preferences: mine?.preferences ?? "",
    },
    submit: (values) => saveApplication(program.id, values),
    onSuccess: () => {
      notifications.show({
        color: "green",
        message: current ? "Your application was saved." : "You applied as a mentee.",
      });
      void refresh();
    },
    onError: () => void refresh(),
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawApplication(program.id, mine?.version ?? 0),
    onSuccess: () => {
      notifications.show({ message: "Your application was withdrawn." });
      void refresh();
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Mentee application">
      <Stack gap="sm">
        <FormErrorAlert message={formError} />
        {program.cohorts.length > 0 && (
          <Select
            label="Cohort"
            allowDeselect={false}
            data={program.cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
            {...form.getInputProps("cohortId")}
          />
        )}
        <Textarea
          label="Your goals"
          description="Only you and the program's owners read your application."
          autosize
          minRows={2}
          required
          {...form.getInputProps("goals")}
        />
        <TagsInput
          label="Skills you want to develop"
          description="Press Enter after each one"
          required
          {...form.getInputProps("skillsWanted")}
        />
        <Textarea
          label="Preferences"
          description="e.g. meeting times, someone outside your division"
          autosize
          minRows={2}
          {...form.getInputProps("preferences")}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {current ? "Save application" : "Apply as a mentee"}
          </Button>
          {current && (
            <Button
              variant="default"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate()}
            >
              Withdraw application
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
