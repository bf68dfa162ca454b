import { Button, Menu } from "@mantine/core";
import { IconChevronDown, IconDownload } from "@tabler/icons-react";
import type { ExportFormat } from "#core/growth-plan/adoption.schemas.ts";
import { planExportUrl } from "../../api/growth-plans.api.ts";

const formats: { format: ExportFormat; label: string }[] = [
  { format: "md", label: "Markdown (.md)" },
  { format: "pdf", label: "PDF (.pdf)" },
  { format: "csv", label: "Goals table for spreadsheets (.csv)" },
  { format: "json", label: "JSON (.json)" },
];

/** Downloads of what the reader may read, built by the server. */
export function ExportMenu({ planId }: { planId: string }) {
  return (
    <Menu position="bottom-end" width={280} shadow="md">
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.map(({ format, label }) => (
          <Menu.Item key={format} component="a" href={planExportUrl(planId, format)} download>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
