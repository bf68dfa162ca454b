import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import type { PathwayView } from "#core/pathway/pathway-api.schemas.ts";
import { myPathwayQuery } from "../../api/pathway.api.ts";
import { QueryStatus } from "../../components/query-error-alert.tsx";
import { usePageTitle } from "../../components/use-page-title.ts";
import { PathwayBody } from "./pathway-body.tsx";
import { CustomItemDialog } from "./pathway-item-forms.tsx";
import { focusStage } from "./pathway-view.ts";

export function MyPathwayPage() {
  usePageTitle("My pathway");
  const pathway = useQuery(myPathwayQuery);

  return (
    <Stack gap="lg" maw={960}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={1}>My pathway</Title>
          <Text c="dimmed">
            Learning and development suggestions for each quarter since you joined. Tick off what
            you did, hide what does not fit and add your own.
          </Text>
        </Stack>
        {pathway.data?.canEdit && pathway.data.template && <AddItemButton view={pathway.data} />}
      </Group>
      <QueryStatus query={pathway} />
      {pathway.data && <PathwayBody view={pathway.data} />}
    </Stack>
  );
}

function AddItemButton({ view }: { view: PathwayView }) {
  const [opened, dialog] = useDisclosure(false);
  const focus = focusStage(view);
  return (
    <>
      <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={dialog.open}>
        Add your own item
      </Button>
      <CustomItemDialog
        view={view}
        opened={opened}
        onClose={dialog.close}
        {...(focus?.inTemplate ? { stageKeyId: focus.keyId } : {})}
      />
    </>
  );
}
