import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { PersonProfile } from "#core/people.schemas.ts";
import { personDataExportUrl } from "../../api/people-admin.api.ts";

/** An administrator downloads all of a person's data; the export is written to the audit log. */
export function ExportPersonDataButton({ profile }: { profile: PersonProfile }) {
  return (
    <Button
      component="a"
      href={personDataExportUrl(profile.person.id)}
      download
      variant="default"
      leftSection={<IconDownload size={18} aria-hidden />}
      title="A zip archive of everything Trellis keeps about this person; the export is recorded in the audit log"
    >
      Export this person's data
    </Button>
  );
}
