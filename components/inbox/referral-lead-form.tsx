"use client";
// "Wrong person": one click adds the colleague they named as a lead (the server reads the address from the reply).
import Link from "next/link";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { useTeamAction, type BoundAction } from "./use-team-action";

export function ReferralLeadForm({ emailId, referral, teamSlug, action }: { emailId: string; referral: string; teamSlug: string; action: BoundAction<{ id: string; email: string }> }) {
  const { state, run, pending } = useTeamAction(action);
  return (
    <form onSubmit={submitWithoutReset(run)} className="grid gap-2">
      <input type="hidden" name="emailId" value={emailId} />
      <p className="text-sm">They pointed you to <span className="font-medium break-all">{referral}</span>.</p>
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Added. <Link className="underline underline-offset-4" href={`/${teamSlug}/leads/${state.data.id}`}>Open {state.data.email}</Link>
        </p>
      ) : (
        <Button type="submit" size="sm" variant="outline" disabled={pending}>Add {referral} as a lead</Button>
      )}
      {state && !state.ok ? <p role="alert" className="text-sm text-destructive">{state.error}</p> : null}
    </form>
  );
}
