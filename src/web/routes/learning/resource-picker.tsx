import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { directorySearchQuery, resourceQuery } from "../../api/learning.api.ts";

/** Chooses a learning directory resource by searching for it; null is none. */
export function ResourcePicker({
  value,
  onChange,
  label,
  description,
}: {
  value: string | null;
  onChange: (resourceId: string | null) => void;
  label: string;
  description?: string;
}) {
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search.trim(), 250);
  const results = useQuery(directorySearchQuery({ q: query, pageSize: 20 }));
  const current = useQuery({ ...resourceQuery(value ?? ""), enabled: value !== null });
  const options = new Map<string, string>();
  if (value && current.data) options.set(value, current.data.title);
  for (const item of results.data?.items ?? []) options.set(item.id, item.title);
  return (
    <Select
      label={label}
      description={description}
      placeholder="Search the directory"
      searchable
      clearable
      nothingFoundMessage="No resource matches"
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={[...options].map(([id, title]) => ({ value: id, label: title }))}
    />
  );
}
