import { type DocumentSectionKey, sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import { ConflictDialog } from "../conflict-dialog.tsx";
import type { SectionAutosave } from "../plan-parts.ts";

/** The conflict dialog of a document section, shown while its autosave waits for a choice. */
export function SectionConflict<Key extends DocumentSectionKey>({
  sectionKey,
  autosave,
}: {
  sectionKey: Key;
  autosave: SectionAutosave<Key>;
}) {
  const conflict = autosave.state.conflict;
  if (!conflict) return null;
  const { current } = conflict;
  return (
    <ConflictDialog
      partName={sectionTitles[sectionKey]}
      mine={autosave.draft}
      theirs={current.content}
      onKeepMine={autosave.keepMine}
      onTakeTheirs={() => autosave.takeTheirs(current.content, current.version)}
    />
  );
}
