import {
  Button,
  Group,
  Paper,
  Stack,
  Text,
  type TextareaProps,
  VisuallyHidden,
} from "@mantine/core";
import { IconEye, IconEyeOff } from "@tabler/icons-react";
import { useId, useState } from "react";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { Markdown } from "../../components/markdown.tsx";

type MarkdownFieldProps = Omit<TextareaProps, "value" | "onChange"> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
};

/** A Markdown answer: written in a plain text area, previewed as the plan will show it. */
export function MarkdownField({ label, value, onChange, ...textareaProps }: MarkdownFieldProps) {
  const [previewing, setPreviewing] = useState(false);
  const previewId = useId();

  return (
    <Stack gap={6}>
      <GrowingTextarea
        label={label}
        minRows={3}
        maxRows={16}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        {...textareaProps}
      />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          Markdown works: **bold**, lists, [links](https://…)
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={
            previewing ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />
          }
          aria-expanded={previewing}
          aria-controls={previewId}
          onClick={() => setPreviewing((open) => !open)}
        >
          {previewing ? "Hide preview" : "Preview"}
          <VisuallyHidden> of {label}</VisuallyHidden>
        </Button>
      </Group>
      <div id={previewId} hidden={!previewing}>
        {previewing && (
          <Paper withBorder radius="md" p="sm" aria-label={`Preview of ${label}`} role="region">
            {value.trim() ? (
              <Markdown>{value}</Markdown>
            ) : (
              <Text size="sm" c="dimmed">
                Nothing written yet.
              </Text>
            )}
          </Paper>
        )}
      </div>
    </Stack>
  );
}
