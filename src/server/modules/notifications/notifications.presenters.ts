import {
  defaultChannels,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationView,
  notificationKinds,
} from "#core/notifications/notifications.schemas.ts";
import type { NotificationRow, NotificationSettingsRow } from "./notifications.queries.ts";

export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    link: row.link,
    actor:
      row.actor_id && row.actor_name
        ? { id: row.actor_id, name: row.actor_preferred_name || row.actor_name }
        : null,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** What a person gets before they ever saved: every kind at its default, no digest. */
export const defaultSettings = {
  digest: "off",
  digest_hour: 8,
  digest_weekday: 1,
  quiet_start: null,
  quiet_end: null,
  weekly_email_cap: 10,
} as const;

export function presentPreferences(
  settings: NotificationSettingsRow | undefined,
  chosen: readonly { kind: string; channel: string }[],
  timeZone: string | null,
): NotificationPreferences {
  const byKind = new Map(chosen.map((row) => [row.kind, row.channel as NotificationChannel]));
  const stored = settings ?? defaultSettings;
  return {
    kinds: notificationKinds.map((kind) => ({
      kind,
      channel: byKind.get(kind) ?? defaultChannels[kind],
    })),
    digest: {
      frequency: stored.digest as NotificationPreferences["digest"]["frequency"],
      hour: stored.digest_hour,
      weekday: stored.digest_weekday,
    },
    quietHours:
      stored.quiet_start && stored.quiet_end
        ? { start: stored.quiet_start, end: stored.quiet_end }
        : null,
    weeklyEmailCap: stored.weekly_email_cap,
    timeZone: timeZone ?? "UTC",
    version: settings?.version ?? 0,
  };
}
