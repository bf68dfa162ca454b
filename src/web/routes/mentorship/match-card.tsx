import { Alert, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  type GrowthPlanSectionKey,
  growthPlanSectionKeys,
  sectionTitles,
} from "#core/growth-plan/sections.schemas.ts";
import type { MatchView } from "#core/mentorship/mentorship.schemas.ts";
import { ApiError, errorMessage } from "../../api/api-error.ts";
import { mentorshipKeys, saveAgreedGoals, sharePlanWithMentor } from "../../api/mentorship.api.ts";
import { ToneBadge } from "../conversations/tone-badge.tsx";

/** One match as its mentor or mentee sees it: the other person, and the goals they agreed. */
export function MatchCard({ match }: { match: MatchView }) {
  const headingId = useId();
  const other = match.viewerRole === "mentor" ? match.mentee : match.mentor;
  const otherRole = match.viewerRole === "mentor" ? "Your mentee" : "Your mentor";
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {otherRole}: {other.displayName}
          </Title>
          <ToneBadge tone="blue">{match.program.name}</ToneBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {[other.jobTitle, other.department].filter(Boolean).join(" · ")}
        </Text>
        {match.viewerRole === "mentee" && (
          <Text size="sm">
            Skills: {match.mentorProfile.skills.join(", ")} · {match.mentorProfile.timeZone}
            {match.mentorProfile.division ? ` · ${match.mentorProfile.division}` : ""}
          </Text>
        )}
        {match.viewerRole === "mentee" && match.mentorProfile.bio && (
          <Text size="sm">{match.mentorProfile.bio}</Text>
        )}
        <AgreedGoals key={match.version} match={match} />
        {match.viewerRole === "mentee" && <SharePlan match={match} />}
      </Stack>
    </Card>
  );
}

function AgreedGoals({ match }: { match: MatchView }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(match.agreedGoals);
  const [conflict, setConflict] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveAgreedGoals(match.id, match.version, text),
    onSuccess: () => {
      setConflict(null);
      notifications.show({ color: "green", message: "The agreed goals were saved." });
      void queryClient.invalidateQueries({ queryKey: mentorshipKeys.matches });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = (error.body as { current?: MatchView }).current;
        setConflict(
          `Your match saved the goals meanwhile: "${current?.agreedGoals ?? ""}". Nothing was overwritten; copy what you want to keep and save again.`,
        );
        void queryClient.invalidateQueries({ queryKey: mentorshipKeys.matches });
      } else setConflict(errorMessage(error));
    },
  });
  return (
    <Stack gap="xs">
      <Textarea
        label="Agreed goals"
        description="What you two agree to work on; both of you can edit it."
        autosize
        minRows={2}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      {conflict && (
        <Alert color="yellow" role="alert">
          {conflict}
        </Alert>
      )}
      <Group>
        <Button size="xs" loading={save.isPending} onClick={() => save.mutate()}>
          Save agreed goals
        </Button>
      </Group>
    </Stack>
  );
}

function SharePlan({ match }: { match: MatchView }) {
  const [sections, setSections] = useState<GrowthPlanSectionKey[]>(["goals"]);
  const share = useMutation({
    mutationFn: () => sharePlanWithMentor(match.id, sections),
    onSuccess: (result) =>
      notifications.show({
        color: "green",
        message: `${match.mentor.displayName} can now read: ${result.sections
          .map((key) => sectionTitles[key])
          .join(", ")}.`,
      }),
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
  return (
    <Stack gap="xs">
      <Checkbox.Group
        label="Share sections of your growth plan with your mentor"
        description="Your mentor sees only what you share; you can change it later in your plan's sharing."
        value={sections}
        onChange={(value) => setSections(value as GrowthPlanSectionKey[])}
      >
        <Group gap="sm" mt={4}>
          {growthPlanSectionKeys.map((key) => (
            <Checkbox key={key} value={key} label={sectionTitles[key]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group>
        <Button
          size="xs"
          variant="light"
          disabled={sections.length === 0}
          loading={share.isPending}
          onClick={() => share.mutate()}
        >
          Share with my mentor
        </Button>
      </Group>
    </Stack>
  );
}
