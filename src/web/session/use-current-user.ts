import { useQuery } from "@tanstack/react-query";
import type { CurrentUser } from "#core/people.schemas.ts";
import { sessionQuery } from "../api/session.queries.ts";

/**
 * The signed-in person, for components under the app layout (whose guard guarantees a
 * session, and which renders nothing once it ends).
 */
export function useCurrentUser(): CurrentUser {
  const { data } = useQuery(sessionQuery);
  if (!data) throw new Error("useCurrentUser is only available under the signed-in layout");
  return data.user;
}
