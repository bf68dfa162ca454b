import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { signOutEverywhere } from "../api/account.api.ts";
import { errorMessage, isUnauthenticated } from "../api/api-error.ts";
import { signOut } from "../api/auth.api.ts";
import { endSession } from "./end-session.ts";

/** Sign out here, or (`everywhere`) end every session of this account. */
export function useSignOut({ everywhere = false } = {}) {
  const router = useRouter();
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: everywhere ? signOutEverywhere : signOut,
    onSuccess: async () => {
      await endSession({ router, queryClient });
      if (everywhere) notifications.show({ message: "You are signed out on every device." });
    },
    onError: (error) => {
      // A 401 means the session had already ended; the query client handles that.
      if (isUnauthenticated(error)) return;
      notifications.show({
        color: "red",
        title: "Could not sign out",
        message: errorMessage(error),
      });
    },
  });
}
