import { type DocumentSectionKey, sectionTitles } from "#core/growth-plan/sections.schemas.ts";
import { ConflictDialog } from "../conflict-dialog.tsx";
import type { SectionAutosave } from "../plan-parts.ts";
import { SaveRefusal } from "../save-refusal.tsx";

/** The conflict dialog of a document section while its autosave waits for a choice, else why its last save was refused. */
export function SectionConflict<Key extends DocumentSectionKey>({
  sectionKey,
  autosave,
}: {
  sectionKey: Key;
  autosave: SectionAutosave<Key>;
}) {
  const conflict = autosave.state.conflict;
  if (!conflict) return <SaveRefusal state={autosave.state} />;
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
