"use client";
// useActionState for a teamAction bound to a slug, with the form-submit helper that keeps what was typed.
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/team-action";

export type BoundAction<R> = (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;

export function useTeamAction<R>(action: BoundAction<R>) {
  const [state, run, pending] = useActionState(action, undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  return { state, run, pending, fields };
}
