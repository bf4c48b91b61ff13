"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { cancelRunAction, replayRunAction, sendTestEmailAction } from "./actions";

export function SendTestEmailButton({ teamSlug }: { teamSlug: string }) {
  const [state, action, pending] = useActionState(sendTestEmailAction.bind(null, teamSlug), undefined);
  return (
    <form action={action} className="flex items-center gap-3">
      <Button type="submit" variant="outline" disabled={pending}>{pending ? "Sending…" : "Send a test email to myself"}</Button>
      <span role="status" className="text-sm">
        {state?.ok ? <span className="text-muted-foreground">Event sent: a run for {state.data.to} appears below.</span> : null}
        {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
      </span>
    </form>
  );
}

export function CancelRunButton({ teamSlug, runId }: { teamSlug: string; runId: string }) {
  const [state, action, pending] = useActionState(cancelRunAction.bind(null, teamSlug), undefined);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="runId" value={runId} />
      <Button type="submit" variant="destructive" size="sm" disabled={pending}>{pending ? "Cancelling…" : "Cancel run"}</Button>
      {state && !state.ok ? <span role="alert" className="text-sm text-destructive">{state.error}</span> : null}
    </form>
  );
}

export function ReplayRunButton({ teamSlug, runId }: { teamSlug: string; runId: string }) {
  const [state, action, pending] = useActionState(replayRunAction.bind(null, teamSlug), undefined);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="runId" value={runId} />
      <Button type="submit" size="sm" disabled={pending}>{pending ? "Replaying…" : "Replay run"}</Button>
      {state?.ok ? <Link href={`/${teamSlug}/jobs/${state.data.runId}`} className="text-sm underline underline-offset-4">Open the replay</Link> : null}
      {state && !state.ok ? <span role="alert" className="text-sm text-destructive">{state.error}</span> : null}
    </form>
  );
}
