"use client";
// On a local mailbox's outbox message: answer as the recipient would, to see the reply flow with no mail account.
import Link from "next/link";
import { FieldError } from "@/components/form-field-error";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { InboundKind } from "@/db/schema/emails";
import { useTeamAction, type BoundAction } from "./use-team-action";

export function RecipientReplyForm({ outboxMessageId, recipient, teamSlug, action }: { outboxMessageId: string; recipient: string; teamSlug: string; action: BoundAction<{ emailId: string; kind: InboundKind }> }) {
  const { state, run, pending, fields } = useTeamAction(action);
  const shown = state?.ok && (state.data.kind === "reply" || state.data.kind === "other");
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={2}>Write a reply as the recipient</CardTitle>
        <CardDescription>
          This mailbox keeps mail on this machine, so nobody can answer it. Play {recipient}: your text arrives as their reply to this message and goes through reply detection like real mail.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submitWithoutReset(run)} noValidate className="grid gap-3" aria-label="Reply as the recipient">
          <input type="hidden" name="outboxMessageId" value={outboxMessageId} />
          <div className="grid gap-1.5">
            <Label htmlFor="recipient-reply-body">Their reply</Label>
            <Textarea id="recipient-reply-body" name="body" rows={5} placeholder="Sounds interesting — could we talk on Tuesday?" aria-invalid={!!fields?.body} aria-describedby="recipient-reply-body-error" />
            <FieldError id="recipient-reply-body-error" messages={fields?.body} />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending}>{pending ? "Delivering…" : "Deliver the reply"}</Button>
            <p role="status" className="text-sm">
              {state?.ok ? (
                shown ? (
                  <span className="text-emerald-700 dark:text-emerald-400">Received. <Link className="underline underline-offset-4" href={`/${teamSlug}/inbox/${state.data.emailId}`}>Open it in the Inbox</Link></span>
                ) : (
                  <span>Received and filed as {state.data.kind.replace("_", " ")} (not shown in the Inbox).</span>
                )
              ) : null}
              {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
            </p>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
