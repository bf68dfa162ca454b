import type {
  ConversationSettingsView,
  ConversationTemplateView,
} from "#core/conversations/templates.schemas.ts";
import { ConflictError } from "#server/errors.ts";

const savedMeanwhile = (what: string) =>
  `Someone else saved ${what} after you opened it. Nothing was overwritten: compare both versions and save again.`;

export class ConversationTemplateConflictError extends ConflictError<ConversationTemplateView> {
  constructor(current: ConversationTemplateView) {
    super(savedMeanwhile("this template"), current);
  }
}

export class ConversationSettingsConflictError extends ConflictError<ConversationSettingsView> {
  constructor(current: ConversationSettingsView) {
    super(savedMeanwhile("the conversation cadence"), current);
  }
}
