import { Group, NativeSelect, NumberInput, TextInput } from "@mantine/core";
import { useId } from "react";
import {
  careerFrameworkLimits,
  edgeKinds,
  roleTrackLabels,
  roleTracks,
} from "#core/career/framework.schemas.ts";
import { GroupError } from "../../components/group-error.tsx";
import { GrowingTextarea } from "../../components/growing-textarea.tsx";
import { useFocusAfterRender } from "../../components/use-focus-after-render.ts";
import {
  blankEdge,
  blankFamily,
  blankRole,
  edgesWithoutRole,
  entriesWithErrors,
  messagesUnder,
  type RoleDraft,
} from "./career-framework-editing.ts";
import { type FrameworkForm, keyDescription } from "./framework-draft-fields.tsx";
import { EntryList } from "./framework-entry-list.tsx";

const edgeKindLabels: Record<(typeof edgeKinds)[number], string> = {
  upward: "Upward (a promotion)",
  lateral: "Lateral (same level)",
  "cross-department": "Into another department",
};

const roleName = (role: RoleDraft, index: number) => role.title.trim() || `Role ${index + 1}`;

export function FamilyFields({ form }: { form: FrameworkForm }) {
  const focusAfterRender = useFocusAfterRender();
  const idPrefix = useId();
  const { families } = form.values.content;
  return (
    <EntryList
      noun="job families"
      items={families}
      nameOf={(family, index) => family.name.trim() || `Job family ${index + 1}`}
      onRemove={(_family, index) => {
        form.removeListItem("content.families", index);
        focusAfterRender(`${idPrefix}-add`);
      }}
      onAdd={() => {
        const family = blankFamily();
        form.insertListItem("content.families", family);
        focusAfterRender(`${idPrefix}-${family.uid}`);
      }}
      addLabel="Add job family"
      addDisabled={families.length >= careerFrameworkLimits.families}
      addButtonId={`${idPrefix}-add`}
      error={form.errors["content.families"]}
      entriesWithErrors={entriesWithErrors(form.errors, "content.families")}
      empty="No job families yet. Every role belongs to one: add one first."
    >
      {(family, index) => {
        const path = `content.families.${index}`;
        return (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                id={`${idPrefix}-${family.uid}`}
                label="Name"
                description={keyDescription(family)}
                withAsterisk
                miw="14rem"
                {...form.getInputProps(`${path}.name`)}
                error={form.errors[`${path}.name`] ?? form.errors[`${path}.key`]}
              />
              <TextInput
                label="Department"
                withAsterisk
                miw="14rem"
                {...form.getInputProps(`${path}.department`)}
              />
            </Group>
            <GrowingTextarea
              label="Description"
              description="Markdown."
              {...form.getInputProps(`${path}.description`)}
            />
            <TextInput
              label="Handbook page"
              description="Optional; http:// or https://"
              type="url"
              {...form.getInputProps(`${path}.handbookUrl`)}
            />
          </>
        );
      }}
    </EntryList>
  );
}

export function RoleFields({ form }: { form: FrameworkForm }) {
  const focusAfterRender = useFocusAfterRender();
  const idPrefix = useId();
  const { roles, families, edges } = form.values.content;
  const familyOptions = families.map((family, index) => ({
    value: family.uid,
    label: family.name.trim() || `Job family ${index + 1}`,
  }));
  return (
    <EntryList
      noun="roles"
      items={roles}
      nameOf={roleName}
      onRemove={(role, index) => {
        form.removeListItem("content.roles", index);
        form.setFieldValue("content.edges", edgesWithoutRole(edges, role.uid));
        focusAfterRender(`${idPrefix}-add`);
      }}
      onAdd={() => {
        const role = blankRole(families.at(-1));
        form.insertListItem("content.roles", role);
        focusAfterRender(`${idPrefix}-${role.uid}`);
      }}
      addLabel="Add role"
      addDisabled={roles.length >= careerFrameworkLimits.roles}
      addButtonId={`${idPrefix}-add`}
      error={form.errors["content.roles"]}
      entriesWithErrors={entriesWithErrors(form.errors, "content.roles")}
      empty="No roles yet."
    >
      {(role, index) => {
        const path = `content.roles.${index}`;
        return (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                id={`${idPrefix}-${role.uid}`}
                label="Title"
                description={keyDescription(role)}
                withAsterisk
                miw="14rem"
                {...form.getInputProps(`${path}.title`)}
                error={form.errors[`${path}.title`] ?? form.errors[`${path}.key`]}
              />
              <NativeSelect
                label="Job family"
                withAsterisk
                miw="12rem"
                data={[{ value: "", label: "Choose a job family" }, ...familyOptions]}
                {...form.getInputProps(`${path}.familyKey`)}
              />
            </Group>
            <Group grow align="flex-start" wrap="wrap">
              <NumberInput
                label="Level"
                min={1}
                max={careerFrameworkLimits.levelMax}
                allowDecimal={false}
                miw="6rem"
                {...form.getInputProps(`${path}.level`)}
              />
              <TextInput
                label="Level name"
                placeholder="e.g. Senior"
                miw="10rem"
                {...form.getInputProps(`${path}.levelName`)}
              />
              <NativeSelect
                label="Track"
                miw="12rem"
                data={roleTracks.map((track) => ({ value: track, label: roleTrackLabels[track] }))}
                {...form.getInputProps(`${path}.track`)}
              />
              <TextInput
                label="Department"
                withAsterisk
                miw="12rem"
                {...form.getInputProps(`${path}.department`)}
              />
            </Group>
            <GrowingTextarea label="Summary" {...form.getInputProps(`${path}.summary`)} />
            <GrowingTextarea
              label="Responsibilities"
              description="Markdown."
              {...form.getInputProps(`${path}.responsibilities`)}
            />
            <GrowingTextarea
              label="Requirements"
              description="Markdown."
              {...form.getInputProps(`${path}.requirements`)}
            />
            <TextInput
              label="Link"
              description="Optional: the role's page in the handbook or job description."
              type="url"
              {...form.getInputProps(`${path}.url`)}
            />
            <GroupError message={messagesUnder(form.errors, `${path}.expectations`).join(" · ")} />
          </>
        );
      }}
    </EntryList>
  );
}

export function EdgeFields({ form }: { form: FrameworkForm }) {
  const focusAfterRender = useFocusAfterRender();
  const idPrefix = useId();
  const { roles, edges } = form.values.content;
  const roleOptions = roles.map((role, index) => ({
    value: role.uid,
    label: roleName(role, index),
  }));
  const titleOf = new Map(roleOptions.map((option) => [option.value, option.label]));
  return (
    <EntryList
      noun="career paths"
      items={edges}
      nameOf={(edge) => `${titleOf.get(edge.from) ?? "?"} → ${titleOf.get(edge.to) ?? "?"}`}
      onRemove={(_edge, index) => {
        form.removeListItem("content.edges", index);
        focusAfterRender(`${idPrefix}-add`);
      }}
      onAdd={() => {
        const edge = blankEdge(roles[0]?.uid ?? "", roles[1]?.uid ?? "");
        form.insertListItem("content.edges", edge);
        focusAfterRender(`${idPrefix}-${edge.uid}`);
      }}
      addLabel="Add career path"
      addDisabled={edges.length >= careerFrameworkLimits.edges || roles.length < 2}
      addButtonId={`${idPrefix}-add`}
      error={form.errors["content.edges"]}
      entriesWithErrors={entriesWithErrors(form.errors, "content.edges")}
      empty="No career paths yet: each one joins two roles."
    >
      {(edge, index) => {
        const path = `content.edges.${index}`;
        const options = [{ value: "", label: "Choose a role" }, ...roleOptions];
        return (
          <>
            <Group grow align="flex-start" wrap="wrap">
              <NativeSelect
                id={`${idPrefix}-${edge.uid}`}
                label="From"
                withAsterisk
                miw="12rem"
                data={options}
                {...form.getInputProps(`${path}.from`)}
                error={form.errors[`${path}.from`] ?? form.errors[path]}
              />
              <NativeSelect
                label="To"
                withAsterisk
                miw="12rem"
                data={options}
                {...form.getInputProps(`${path}.to`)}
              />
              <NativeSelect
                label="Kind"
                miw="12rem"
                data={edgeKinds.map((kind) => ({ value: kind, label: edgeKindLabels[kind] }))}
                {...form.getInputProps(`${path}.kind`)}
              />
            </Group>
            <TextInput label="Note" {...form.getInputProps(`${path}.note`)} />
          </>
        );
      }}
    </EntryList>
  );
}
