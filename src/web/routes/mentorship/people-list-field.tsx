import { CloseButton, Group, Input, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { personQuery } from "../../api/queries.ts";
import { PersonSelect } from "../../components/person-select.tsx";

function PersonName({ id }: { id: string }) {
  const person = useQuery(personQuery(id));
  return <>{person.data?.person.displayName ?? "…"}</>;
}

/** A list of people: each with a remove button, and a picker that adds one more. */
export function PeopleListField({
  label,
  addLabel,
  value,
  onChange,
  error,
}: {
  label: string;
  addLabel: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: React.ReactNode;
}) {
  const [pickerKey, setPickerKey] = useState(0);
  const headingId = useId();
  return (
    <Stack gap={6} role="group" aria-labelledby={headingId}>
      <Text fw={500} size="sm" id={headingId}>
        {label}
      </Text>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          No one yet.
        </Text>
      ) : (
        <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {value.map((id) => (
            <Paper component="li" key={id} withBorder px="xs" py={2} radius="xl">
              <Group gap={4} wrap="nowrap">
                <Text size="sm">
                  <PersonName id={id} />
                </Text>
                <CloseButton
                  size="sm"
                  aria-label="Remove"
                  onClick={() => onChange(value.filter((each) => each !== id))}
                />
              </Group>
            </Paper>
          ))}
        </Group>
      )}
      <PersonSelect
        key={pickerKey}
        label={addLabel}
        placeholder="Search people by name"
        value={null}
        onChange={(id) => {
          if (id && !value.includes(id)) onChange([...value, id]);
          setPickerKey((key) => key + 1);
        }}
        style={{ maxWidth: "24rem" }}
      />
      {error && <Input.Error>{error}</Input.Error>}
    </Stack>
  );
}
