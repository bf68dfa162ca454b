import { type ComboboxItem, Group, Select, type SelectProps, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PersonSummary } from "#core/people.schemas.ts";
import { directoryQuery } from "../api/queries.ts";

type PersonSelectProps = Omit<
  SelectProps,
  "data" | "value" | "onChange" | "searchable" | "filter" | "searchValue" | "onSearchChange"
> & {
  value: string | null;
  onChange: (personId: string | null) => void;
  /** The person chosen when the field opens, so their name shows before any search. */
  initialPerson?: PersonSummary | null;
  /** Someone who may not be chosen, e.g. the person being edited as their own manager. */
  excludeId?: string;
  /** Admins may pick deactivated people, e.g. to filter the audit log by a former colleague. */
  status?: "active" | "all";
};

const resultLimit = 20;

/** A searchable person picker: the directory is searched on the server as the person types. */
export function PersonSelect({
  value,
  onChange,
  initialPerson = null,
  excludeId,
  status = "active",
  ...selectProps
}: PersonSelectProps) {
  const [search, setSearch] = useState("");
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<PersonSummary | null>(initialPerson);
  const results = useQuery(directoryQuery({ q: debouncedSearch, limit: resultLimit, status }));

  const people = new Map<string, PersonSummary>();
  if (chosen && chosen.id === value) people.set(chosen.id, chosen);
  for (const person of results.data?.people ?? []) {
    if (person.id !== excludeId) people.set(person.id, person);
  }
  const data: ComboboxItem[] = [...people.values()].map((person) => ({
    value: person.id,
    label: person.displayName,
  }));

  return (
    <Select
      {...selectProps}
      searchable
      clearable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(personId) => {
        setChosen(personId ? (people.get(personId) ?? null) : null);
        onChange(personId);
      }}
      // The server has already matched name, email, title and department.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? "Searching…" : "No one matches"}
      renderOption={({ option }) => {
        const person = people.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm">{option.label}</Text>
              {person && (
                <Text size="xs" c="dimmed" truncate>
                  {[person.jobTitle, person.email].filter(Boolean).join(" · ")}
                  {person.status === "deactivated" ? " · deactivated" : ""}
                </Text>
              )}
            </Stack>
          </Group>
        );
      }}
    />
  );
}
