import { Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useId, useMemo } from "react";
import {
  type ConversationTopic,
  type PrivateNoteView,
  SaveNoteBody,
  type SharedNoteView,
} from "#core/conversations/conversations.schemas.ts";
import { savePrivateNote, saveSharedNote } from "../../api/conversations.api.ts";
import { Markdown } from "../../components/markdown.tsx";
import { formatDateTime } from "../../format/dates.ts";
import { type SaveOutcome, useAutosave } from "../growth-plans/autosave/use-autosave.ts";
import { ConflictDialog } from "../growth-plans/conflict-dialog.tsx";
import { MarkdownField } from "../growth-plans/markdown-field.tsx";
import { SaveRefusal } from "../growth-plans/save-refusal.tsx";
import { joinNotes } from "./note-merge.ts";

function validateNote(body: string) {
  const result = SaveNoteBody.shape.body.safeParse(body);
  return result.success ? null : { body: result.error.issues[0]?.message ?? "Too long" };
}

/** One agenda topic: its guiding questions and the notes both participants share. */
export function TopicNotes({
  conversationId,
  topic,
  note,
  editable,
  index,
}: {
  conversationId: string;
  topic: ConversationTopic;
  note: SharedNoteView | undefined;
  editable: boolean;
  index: number;
}) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Stack gap={4}>
          <Title order={3} size="h5" id={headingId}>
            {index + 1}. {topic.title}
          </Title>
          {topic.prompt && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {topic.prompt}
            </Text>
          )}
        </Stack>
        {editable ? (
          <SharedNoteEditor conversationId={conversationId} topic={topic} note={note} />
        ) : note?.body.trim() ? (
          <Markdown>{note.body}</Markdown>
        ) : (
          <Text size="sm" c="dimmed">
            No shared notes on this topic.
          </Text>
        )}
        {note?.updatedBy && note.updatedAt && (
          <Text size="xs" c="dimmed">
            Last saved by {note.updatedBy.name}, {formatDateTime(note.updatedAt)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function SharedNoteEditor({
  conversationId,
  topic,
  note,
}: {
  conversationId: string;
  topic: ConversationTopic;
  note: SharedNoteView | undefined;
}) {
  const server = useMemo(
    () => ({ content: note?.body ?? "", version: note?.version ?? 0 }),
    [note?.body, note?.version],
  );
  const autosave = useAutosave<string, SharedNoteView>({
    partKey: `topic:${topic.key}`,
    server,
    validate: validateNote,
    save: async (body, baseVersion): Promise<SaveOutcome<SharedNoteView>> => {
      const result = await saveSharedNote(conversationId, topic.key, body, baseVersion);
      return result.outcome === "saved"
        ? { outcome: "saved", version: result.saved.version }
        : result;
    },
  });
  const conflict = autosave.state.conflict?.current;

  return (
    <>
      <SaveRefusal state={autosave.state} />
      <MarkdownField
        label={`Shared notes: ${topic.title}`}
        description="Both of you see and edit these notes; guests read them."
        value={autosave.draft}
        onChange={(value) => autosave.update(() => value)}
        error={autosave.fieldProblems.body}
      />
      {conflict && (
        <ConflictDialog
          partName={topic.title}
          title="Someone else saved this topic"
          message={`${conflict.updatedBy?.name ?? "Someone"} saved the notes on “${topic.title}”${
            conflict.updatedAt ? ` at ${formatDateTime(conflict.updatedAt)}` : ""
          } while you were typing. Nothing has been overwritten: keep yours, take theirs, or keep both.`}
          mine={{ notes: autosave.draft }}
          theirs={{ notes: conflict.body }}
          keepMineLabel="Keep mine"
          takeTheirsLabel="Take theirs"
          extraAction={{
            label: "Keep both",
            onClick: () => {
              autosave.update((mine) => joinNotes(conflict.body, mine));
              autosave.keepMine();
            },
          }}
          onKeepMine={autosave.keepMine}
          onTakeTheirs={() => autosave.takeTheirs(conflict.body, conflict.version)}
        />
      )}
    </>
  );
}

/** The caller's own note: no one else, not the other participant nor an admin, ever reads it. */
export function PrivateNoteEditor({
  conversationId,
  note,
}: {
  conversationId: string;
  note: PrivateNoteView;
}) {
  const headingId = useId();
  const server = useMemo(
    () => ({ content: note.body, version: note.version }),
    [note.body, note.version],
  );
  const autosave = useAutosave<string, PrivateNoteView>({
    partKey: "private-note",
    server,
    validate: validateNote,
    save: async (body, baseVersion): Promise<SaveOutcome<PrivateNoteView>> => {
      const result = await savePrivateNote(conversationId, body, baseVersion);
      return result.outcome === "saved"
        ? { outcome: "saved", version: result.saved.version }
        : result;
    },
  });
  const conflict = autosave.state.conflict?.current;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group gap="xs">
          <IconLock size={18} aria-hidden />
          <Title order={2} size="h4" id={headingId}>
            My private note
          </Title>
          <Badge variant="outline" color="gray" c="var(--mantine-color-text)" tt="none">
            Only you can see this
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Not the other participant, not a guest, not an administrator: only you. It is in your own
          export and nowhere else.
        </Text>
        <SaveRefusal state={autosave.state} />
        <MarkdownField
          label="Private note (only you can see this)"
          value={autosave.draft}
          onChange={(value) => autosave.update(() => value)}
          error={autosave.fieldProblems.body}
        />
        {conflict && (
          <ConflictDialog
            partName="Your private note"
            message="You saved this note elsewhere (another tab or device) while typing here. Nothing has been overwritten."
            mine={{ notes: autosave.draft }}
            theirs={{ notes: conflict.body }}
            takeTheirsLabel="Take the other version"
            extraAction={{
              label: "Keep both",
              onClick: () => {
                autosave.update((mine) => joinNotes(conflict.body, mine));
                autosave.keepMine();
              },
            }}
            onKeepMine={autosave.keepMine}
            onTakeTheirs={() => autosave.takeTheirs(conflict.body, conflict.version)}
          />
        )}
      </Stack>
    </Paper>
  );
}
