import {
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { IconDots, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import {
  CreatePlanBody,
  type PlanListItem,
  RenamePlanBody,
} from "#core/growth-plan/plans.schemas.ts";
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
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorAlert } from "../../components/form-error-alert.tsx";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { ModalButton, ResponsiveModal } from "../../components/responsive-modal.tsx";
import { AnchorLink } from "../../components/router-links.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { formatDateTime } from "../../format/dates.ts";
import { useApiForm } from "../../forms/use-api-form.ts";

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
      <QueryStatus query={plans} />
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
      <ResponsiveModal
        opened={renaming}
        onClose={renameDialog.close}
        title={`Rename ${plan.title}`}
        size="md"
      >
        <RenameForm plan={plan} onDone={renameDialog.close} />
      </ResponsiveModal>
    </Paper>
  );
}

function RenameForm({ plan, onDone }: { plan: PlanListItem; onDone: () => void }) {
  const queryClient = useQueryClient();
  const {
    form,
    mutation: rename,
    onSubmit,
    formError,
  } = useApiForm({
    schema: RenamePlanBody,
    initialValues: { title: plan.title },
    submit: ({ title }) => renamePlan(plan.id, title),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
      onDone();
    },
  });
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <TextInput
          label="Title"
          data-autofocus
          key={form.key("title")}
          {...form.getInputProps("title")}
        />
        <FormActions onCancel={onDone} submitLabel="Rename" pending={rename.isPending} />
      </Stack>
    </form>
  );
}

function NewPlanButton({ hasActivePlan }: { hasActivePlan: boolean }) {
  return (
    <ModalButton
      label="New plan"
      leftSection={<IconPlus size={18} aria-hidden />}
      title="Start a growth plan"
    >
      {(close) => <NewPlanForm hasActivePlan={hasActivePlan} onCancel={close} />}
    </ModalButton>
  );
}

const blank = "blank";

/** The API's rules; the choice of template holds "blank" for a blank plan. */
const newPlanFormSchema = CreatePlanBody.extend({
  templateId: z
    .string()
    .transform((templateId) => (templateId === blank ? null : templateId))
    .pipe(CreatePlanBody.shape.templateId.unwrap()),
});

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
  const {
    form,
    mutation: create,
    onSubmit,
    formError,
  } = useApiForm({
    schema: newPlanFormSchema,
    mode: "controlled",
    initialValues: {
      title: `Growth plan ${new Date().getFullYear()}`,
      templateId: blank,
      activate: true,
    },
    submit: createPlan,
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: growthPlansQueryKey });
      await navigate({ to: "/growth-plans/$planId", params: { planId: created.plan.id } });
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack>
        <FormErrorAlert message={formError} />
        <TextInput label="Title" {...form.getInputProps("title")} />
        <Radio.Group label="Start from" {...form.getInputProps("templateId")}>
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
          {...form.getInputProps("activate", { type: "checkbox" })}
        />
        <FormActions onCancel={onCancel} submitLabel="Create plan" pending={create.isPending} />
      </Stack>
    </form>
  );
}
