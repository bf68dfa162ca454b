import { z } from "zod";

/** What a notice is about; the message says it in words. */
export const noticeKinds = ["admin_became_manager"] as const;
export const NoticeKind = z.enum(noticeKinds);

export const NoticeView = z.object({
  id: z.string(),
  kind: NoticeKind,
  createdAt: z.string(),
  message: z.string(),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const NoticeList = z.object({ notices: z.array(NoticeView) });
export type NoticeList = z.infer<typeof NoticeList>;

export const NoticeIdParams = z.strictObject({ noticeId: z.uuid("Not a valid id") });
