import type { ActionState } from "@/lib/auth/team-action";

/** The outcome line under a form: the success text, or the error the action gave. */
export function ActionStatus<R>({ state, success }: { state: ActionState<R>; success: (data: R) => string }) {
  return (
    <p role="status" className="text-sm">
      {state?.ok ? <span className="text-emerald-700 dark:text-emerald-400">{success(state.data)}</span> : null}
      {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
    </p>
  );
}
