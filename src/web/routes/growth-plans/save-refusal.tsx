import { Alert } from "@mantine/core";
import type { AutosaveState } from "./autosave/autosave-machine.ts";

/** Why the server refused the last autosave (a full plan, say), on the form that saved. */
export function SaveRefusal({
  state,
}: {
  state: Pick<AutosaveState<unknown, unknown>, "status" | "problem">;
}) {
  if (state.status !== "failed" || !state.problem) return null;
  return (
    <Alert color="red" role="alert" title="Not saved" mb="sm">
      {state.problem}
    </Alert>
  );
}
