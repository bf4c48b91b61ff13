"use client";

import { startTransition, useActionState } from "react";
import { resumeMailboxAction, syncMailboxNowAction } from "@/app/(app)/[team]/mailboxes/[mailboxId]/inbound-actions";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/team-action";

type Bound<R> = (teamSlug: string, prev: ActionState<R>, raw: { mailboxId: string }) => Promise<ActionState<R>>;

function useControl<R>(action: Bound<R>, teamSlug: string, mailboxId: string) {
  const [state, dispatch, pending] = useActionState((prev: ActionState<R>, _: void) => action(teamSlug, prev, { mailboxId }), undefined);
  return { state, run: () => startTransition(() => dispatch()), pending };
}

export function MailboxInboundControls({ teamSlug, mailboxId, canSync, canResume }: { teamSlug: string; mailboxId: string; canSync: boolean; canResume: boolean }) {
  const sync = useControl(syncMailboxNowAction, teamSlug, mailboxId);
  const resume = useControl(resumeMailboxAction, teamSlug, mailboxId);
  const error = [sync.state, resume.state].find((s) => s && !s.ok);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canSync ? <Button size="sm" variant="outline" onClick={sync.run} disabled={sync.pending}>{sync.pending ? "Asking…" : "Sync replies now"}</Button> : null}
      {canResume ? <Button size="sm" onClick={resume.run} disabled={resume.pending}>{resume.pending ? "Resuming…" : "Resume sending"}</Button> : null}
      {sync.state?.ok ? <span className="text-muted-foreground">Sync requested; replies appear in the Inbox.</span> : null}
      {error && !error.ok ? <span role="alert" className="text-destructive">{error.error}</span> : null}
    </div>
  );
}
