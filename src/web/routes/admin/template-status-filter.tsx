import { SegmentedControl } from "@mantine/core";

/** Which templates an admin list shows: the pathway and growth plan template pages share it. */
export type TemplateStatusFilter = "active" | "archived" | "all";

export function TemplateStatusControl({
  value,
  onChange,
}: {
  value: TemplateStatusFilter;
  onChange: (value: TemplateStatusFilter) => void;
}) {
  return (
    <SegmentedControl
      aria-label="Which templates"
      value={value}
      onChange={(next) => onChange(next as TemplateStatusFilter)}
      data={[
        { value: "active", label: "Active" },
        { value: "archived", label: "Archived" },
        { value: "all", label: "All" },
      ]}
      style={{ alignSelf: "flex-start" }}
    />
  );
}
