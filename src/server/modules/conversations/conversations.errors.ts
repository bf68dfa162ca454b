import type {
  ActionItemView,
  ConversationView,
  PrivateNoteView,
  SharedNoteView,
} from "#core/conversations/conversations.schemas.ts";
import { ConflictError } from "#server/errors.ts";

const changedMeanwhile =
  "was changed in another window or by the other participant. Nothing was overwritten: compare both versions and save again.";

/** A change of the conversation (time, agenda, status) made from an old version. */
export class ConversationConflictError extends ConflictError<ConversationView> {
  constructor(current: ConversationView) {
    super(`This conversation ${changedMeanwhile}`, current);
  }
}

export class SharedNoteConflictError extends ConflictError<SharedNoteView> {
  constructor(current: SharedNoteView) {
    super(`These notes ${changedMeanwhile}`, current);
  }
}

export class PrivateNoteConflictError extends ConflictError<PrivateNoteView> {
  constructor(current: PrivateNoteView) {
    super(
      "Your private note was changed in another window. Nothing was overwritten: compare both versions and save again.",
      current,
    );
  }
}

/** `current` is null when the item was deleted meanwhile. */
export class ActionItemConflictError extends ConflictError<ActionItemView | null> {
  constructor(current: ActionItemView | null, message?: string) {
    super(
      message ??
        (current
          ? `This action item ${changedMeanwhile}`
          : "This action item was deleted meanwhile. Nothing was overwritten."),
      current,
    );
  }
}
