// A team server action already bound to its team slug on the server page, as useActionState takes it.
import type { ActionState } from "@/lib/auth/team-action";

export type BoundAction<R = unknown> = (prev: ActionState<R>, payload: FormData) => Promise<ActionState<R>>;

export function fieldErrorsOf(state: ActionState<unknown>): Record<string, string[]> | undefined {
  return state && !state.ok ? state.fields : undefined;
}
