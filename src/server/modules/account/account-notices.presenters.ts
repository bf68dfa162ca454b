import type { NoticeView } from "#core/notice.schemas.ts";
import type { NoticesTable } from "#server/db/schema.ts";

type NoticeRow = NoticesTable & { actor_name: string | null };

export function presentNotice(row: NoticeRow): NoticeView {
  const who = row.actor_name ?? "An administrator";
  return {
    id: row.id,
    kind: "admin_became_manager",
    createdAt: row.created_at,
    message: `${who}, an administrator, made themselves your manager. They now see what you share with your manager; you can change what you share on your growth plan.`,
  };
}
