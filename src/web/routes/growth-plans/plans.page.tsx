import {
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconDots, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type PlanListItem, PlanTitle } from "#core/growth-plan/plans.schemas.ts";
import { errorMessage } from "../../api/api-error.ts";
import {
  activatePlan,
  archivePlan,
  createPlan,
  growthPlansQueryKey,
  myPlansQuery,
  renamePlan,
  templatesQuery,
} from "../../api/growth-plans.api.ts";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { PageLoader } from "../../components/page-loader.tsx";
import { QueryErrorAlert } from "../../components/query-error-alert.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";

export function PlansPage() {
  usePageTitle("Growth plans");
  const plans = useQuery(myPlansQuery);
  const active = plans.data?.plans.filter((plan) => plan.status === "active") ?? [];
  const archived = plans.data?.plans.filter((plan) => plan.status === "archived") ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} maw={680}>
          <Title order={1}>Growth plans</Title>
          <Text c="dimmed">
            Your Individual Growth Plan: reflect, clarify your direction, explore, set goals, and
            come back to it as you grow. You are the one who decides what to share.
          </Text>
        </Stack>
        <NewPlanButton hasActivePlan={active.length > 0} />
      </Group>
      {plans.isPending && <PageLoader />}
      {plans.isError && (
        <QueryErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      )}
      {plans.data && plans.data.plans.length === 0 && (
        <Paper withBorder radius="lg" p="lg">
          <Text>
            You have no growth plan yet. Start one from a template that matches where you want to
            grow, or from a blank page.
          </Text>
        </Paper>
      )}
      {active.length > 0 && <PlanGroup title="Active plan" plans={active} />}
      {archived.length > 0 && <PlanGroup title="Earlier plans" plans={archived} />}
    </Stack>
  );
}

function PlanGroup({ title, plans }: { title: string; plans: PlanListItem[] }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <SimpleGrid
        component="ul"
        cols={{ base: 1, sm: 2 }}
        spacing="md"
        p={0}
        m={0}
        style={{ listStyle: "none" }}
      >
        {plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function PlanCard({ plan }: { plan: PlanListItem }) {
  const queryClient = useQueryClient();
  const [renaming, renameDialog] = useDisclosure(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
  const changeStatus = useMutation({
    mutationFn: () => (plan.status === "active" ? archivePlan(plan.id) : activatePlan(plan.id)),
    onSuccess: async (updated) => {
      await refresh();
      notifications.show({
        color: "green",
        message:
          updated.plan.status === "active"
            ? `"${updated.plan.title}" is now your active plan.`
            : `"${updated.plan.title}" was archived. It stays editable.`,
      });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });

  return (
    <Paper component="li" withBorder radius="lg" p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <AnchorLink
              to="/growth-plans/$planId"
              params={{ planId: plan.id }}
              fw={600}
              size="lg"
              style={{ overflowWrap: "anywhere" }}
            >
              {plan.title}
            </AnchorLink>
            <Text size="sm" c="dimmed">
              Last changed {formatDateTime(plan.updatedAt)}
            </Text>
          </Stack>
          <Menu position="bottom-end" shadow="md">
            <Menu.Target>
              <Button variant="subtle" color="gray" px={8} aria-label={`Actions for ${plan.title}`}>
                <IconDots size={18} aria-hidden />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={renameDialog.open}>Rename</Menu.Item>
              <Menu.Item onClick={() => changeStatus.mutate()}>
                {plan.status === "active" ? "Archive" : "Make active"}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Group gap="xs">
          <Badge variant="light" color={plan.status === "active" ? "trellis" : "gray"} tt="none">
            {plan.status === "active" ? "Active" : "Archived"}
          </Badge>
        </Group>
      </Stack>
      <Modal opened={renaming} onClose={renameDialog.close} title={`Rename ${plan.title}`}>
        {renaming && <RenameForm plan={plan} onDone={renameDialog.close} />}
      </Modal>
    </Paper>
  );
}

function RenameForm({ plan, onDone }: { plan: PlanListItem; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(plan.title);
  const [error, setError] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: (next: string) => renamePlan(plan.id, next),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
      onDone();
    },
    onError: (cause) => setError(errorMessage(cause)),
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = PlanTitle.safeParse(title);
        if (!parsed.success) {
          setError(parsed.error.issues[0]?.message ?? "Enter a title");
          return;
        }
        rename.mutate(parsed.data);
      }}
    >
      <Stack>
        <TextInput
          label="Title"
          data-autofocus
          value={title}
          error={error}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            Rename
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NewPlanButton({ hasActivePlan }: { hasActivePlan: boolean }) {
  const [opened, modal] = useDisclosure(false);
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={modal.open}>
        New plan
      </Button>
      <Modal
        opened={opened}
        onClose={modal.close}
        title="Start a growth plan"
        size="lg"
        fullScreen={isPhone}
      >
        {opened && <NewPlanForm hasActivePlan={hasActivePlan} onCancel={modal.close} />}
      </Modal>
    </>
  );
}

const blank = "blank";

function NewPlanForm({
  hasActivePlan,
  onCancel,
}: {
  hasActivePlan: boolean;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const templates = useQuery(templatesQuery);
  const [title, setTitle] = useState(`Growth plan ${new Date().getFullYear()}`);
  const [templateId, setTemplateId] = useState<string>(blank);
  const [activate, setActivate] = useState(true);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (validTitle: string) =>
      createPlan({
        title: validTitle,
        templateId: templateId === blank ? null : templateId,
        activate,
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
      await navigate({ to: "/growth-plans/$planId", params: { planId: created.plan.id } });
    },
    onError: (error) => setFormError(errorMessage(error)),
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setFormError(null);
        const parsed = PlanTitle.safeParse(title);
        setTitleError(parsed.success ? null : (parsed.error.issues[0]?.message ?? "Enter a title"));
        if (parsed.success) create.mutate(parsed.data);
      }}
    >
      <Stack>
        <FormErrorAlert message={formError} />
        <TextInput
          label="Title"
          value={title}
          error={titleError}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <Radio.Group label="Start from" value={templateId} onChange={setTemplateId}>
          <Stack gap="xs" mt="xs">
            {(templates.data?.templates ?? []).map((template) => (
              <Radio.Card key={template.id} value={template.id} radius="md" p="sm">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <Stack gap={2}>
                    <Text fw={600}>{template.name}</Text>
                    <Text size="sm" c="dimmed">
                      {template.description}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
            <Radio.Card value={blank} radius="md" p="sm">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <Stack gap={2}>
                  <Text fw={600}>Blank plan</Text>
                  <Text size="sm" c="dimmed">
                    The reflection questions and an empty page for everything else.
                  </Text>
                </Stack>
              </Group>
            </Radio.Card>
          </Stack>
        </Radio.Group>
        {templates.isError && (
          <FormErrorAlert
            message={`Templates could not be loaded: ${errorMessage(templates.error)}`}
          />
        )}
        <Switch
          label="Make it my active plan"
          description={
            hasActivePlan
              ? "Your current active plan will be archived; it stays editable."
              : undefined
          }
          checked={activate}
          onChange={(event) => setActivate(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create plan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
