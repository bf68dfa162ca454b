import { NoticeList } from "#core/notice.schemas.ts";
import { apiRequest } from "./api-request.ts";

export const myNoticesQuery = {
  queryKey: ["account-notices"],
  queryFn: () => apiRequest("/api/account/notices", { response: NoticeList }),
};

export function dismissNotice(noticeId: string): Promise<void> {
  return apiRequest(`/api/account/notices/${noticeId}/dismiss`, { method: "POST" });
}
