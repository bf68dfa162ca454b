import { Button, Group } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { accountDataExportUrl } from "../../api/account.api.ts";
import { TitledSection } from "../../components/titled-section.tsx";

/** The personal data export: everything Trellis keeps about the reader, as one zip archive. */
export function YourDataSection() {
  return (
    <TitledSection
      title="Your data"
      description="Everything Trellis keeps about you in one zip archive: your profile, growth plans and journal, assessments, conversations with your own notes, pathway progress, bookmarks, requests and settings. JSON for all of it, Markdown and CSV to read."
    >
      <Group>
        <Button
          component="a"
          href={accountDataExportUrl}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Download all my data
        </Button>
      </Group>
    </TitledSection>
  );
}
