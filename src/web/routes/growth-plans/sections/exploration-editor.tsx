import { Stack, TextInput } from "@mantine/core";
import { growthPlanLimits } from "#core/growth-plan/fields.schemas.ts";
import type { PlanView } from "#core/growth-plan/plans.schemas.ts";
import type { ExplorationResource } from "#core/growth-plan/sections.schemas.ts";
import { GrowingTextarea } from "../../../components/growing-textarea.tsx";
import { ListEditor, patchById, withoutId } from "../../../components/list-editor.tsx";
import { PlanBookmarks } from "../../learning/plan-bookmarks.tsx";
import { newId, problemAt, useSectionAutosave } from "../plan-parts.ts";
import { SectionConflict } from "./section-conflict.tsx";

export function ExplorationEditor({ plan }: { plan: PlanView }) {
  const autosave = useSectionAutosave(plan, "exploration");
  const { draft, update } = autosave;
  const change = (id: string, patch: Partial<ExplorationResource>) =>
    update((section) => ({ resources: patchById(section.resources, id, patch) }));

  return (
    <Stack gap="md">
      <SectionConflict sectionKey="exploration" autosave={autosave} />
      <PlanBookmarks planId={plan.plan.id} isOwner />
      <ListEditor
        items={draft.resources}
        keyOf={(resource) => resource.id}
        heading={(resource, index) => resource.title || `Resource ${index + 1}`}
        removeLabel={(resource, index) => `Remove ${resource.title || `resource ${index + 1}`}`}
        onRemove={(resource) =>
          update((section) => ({ resources: withoutId(section.resources, resource.id) }))
        }
        empty="No resources yet: add courses, programs, people or pages to learn from."
        addLabel="Add resource"
        addDisabled={draft.resources.length >= growthPlanLimits.resources}
        onAdd={() =>
          update((section) => ({
            resources: [...section.resources, { id: newId(), title: "", url: null, note: "" }],
          }))
        }
      >
        {(resource, index) => (
          <>
            <TextInput
              label="Title"
              required
              value={resource.title}
              error={problemAt(autosave, `resources.${index}.title`)}
              onChange={(event) => change(resource.id, { title: event.currentTarget.value })}
            />
            <TextInput
              label="Link"
              type="url"
              placeholder="https://…"
              value={resource.url ?? ""}
              error={problemAt(autosave, `resources.${index}.url`)}
              onChange={(event) =>
                change(resource.id, { url: event.currentTarget.value.trim() || null })
              }
            />
            <GrowingTextarea
              label="Note"
              minRows={1}
              value={resource.note}
              error={problemAt(autosave, `resources.${index}.note`)}
              onChange={(event) => change(resource.id, { note: event.currentTarget.value })}
            />
          </>
        )}
      </ListEditor>
    </Stack>
  );
}
