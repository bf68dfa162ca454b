import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconCopy } from "@tabler/icons-react";
import { useState } from "react";
import { diffFields } from "./plan-diff.ts";

interface ConflictDialogProps {
  /** What was saved elsewhere, e.g. "Section 3 goal 2". */
  partName: string;
  mine: unknown;
  /** What is stored now; null when the part was deleted elsewhere. */
  theirs: unknown;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  keepMineLabel?: string;
  takeTheirsLabel?: string;
  /** Instead of "<partName> was changed elsewhere". */
  title?: string;
  /** Instead of the sentence that says what happened, e.g. who saved it and when. */
  message?: string;
  /** A third way out, e.g. "Keep both" for free text that can be joined. */
  extraAction?: { label: string; onClick: () => void };
}

/**
 * A save met a version saved meanwhile (another tab, another device). Both are shown field by
 * field; nothing is overwritten until the person chooses.
 */
export function ConflictDialog({
  partName,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
  keepMineLabel = "Keep mine",
  takeTheirsLabel = "Take theirs",
  title,
  message,
  extraAction,
}: ConflictDialogProps) {
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const changes = diffFields(theirs, mine);

  const copyMine = async () => {
    const text = diffFields(null, mine)
      .map((field) => `${field.label}:\n${field.after}`)
      .join("\n\n");
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      size="xl"
      fullScreen={isPhone}
      title={title ?? `${partName} was changed elsewhere`}
    >
      <Stack gap="md">
        <Text>
          {message ??
            (theirs === null
              ? "It was deleted in another tab or by another save while you were editing. Your version is still here."
              : "Someone saved a newer version (perhaps you, in another tab) while you were editing. Nothing has been overwritten: choose which version to keep.")}
        </Text>
        {theirs !== null && changes.length > 0 && (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {changes.map((change) => (
              <Paper component="li" key={change.path} withBorder radius="md" p="sm">
                <Title order={3} size="h6" mb={6}>
                  {change.label}
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Version heading="Yours" value={change.after} />
                  <Version heading="Current version" value={change.before} />
                </SimpleGrid>
              </Paper>
            ))}
          </Stack>
        )}
        {copied === "yes" && (
          <Alert color="green" variant="light" role="status">
            Your version is on the clipboard.
          </Alert>
        )}
        {copied === "failed" && (
          <Alert color="red" variant="light" role="alert">
            The browser did not allow copying. Select your text on the page and copy it instead.
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button
            variant="default"
            leftSection={<IconCopy size={18} aria-hidden />}
            onClick={() => void copyMine()}
          >
            Copy mine
          </Button>
          <Button variant="default" onClick={onTakeTheirs}>
            {takeTheirsLabel}
          </Button>
          {extraAction && (
            <Button variant="default" onClick={extraAction.onClick}>
              {extraAction.label}
            </Button>
          )}
          <Button onClick={onKeepMine}>{keepMineLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Version({ heading, value }: { heading: string; value: string | null }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {heading}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {value === null || value === "" ? (
          <Text component="span" size="sm" c="dimmed">
            (empty)
          </Text>
        ) : (
          value
        )}
      </Text>
    </Stack>
  );
}
