"use client";
// "Mark as replied" and "Erase lead" (confirmed: permanent, and the address stays blocked).
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { BoundAction } from "./bound-action";
import { ConfirmActionDialog } from "./confirm-action-dialog";

export function MarkRepliedButton({ leadId, action }: { leadId: string; action: BoundAction<{ stoppedEnrolments: number }> }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="leadId" value={leadId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>{pending ? "Marking…" : "Mark as replied"}</Button>
      <span role="status" className="text-xs">
        {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">Marked as replied; {state.data.stoppedEnrolments} campaign enrolment(s) stopped.</span> : null}
        {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
      </span>
    </form>
  );
}

export function EraseLeadButton({ leadId, email, action }: { leadId: string; email: string; action: BoundAction<never> }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <ConfirmActionDialog
      trigger={{ label: "Erase lead" }}
      title={`Erase ${email} permanently?`}
      description="This cannot be undone. The lead, its research and campaign enrolments are deleted, and the content of every email with them is removed. Only a one-way hash of the address is kept on the suppression list, so the address stays blocked: it cannot be imported, added or emailed again."
      confirmLabel="Erase permanently"
      fields={{ leadId }}
      formAction={formAction}
      pending={pending}
      error={state && !state.ok ? state.error : undefined}
    />
  );
}
