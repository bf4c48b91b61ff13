"use client";
// Answer in the same thread, from the mailbox the reply arrived in. One idempotency key per written reply,
// so a double click sends once; a new key after each success.
import { useEffect, useState } from "react";
import type { EmailStatus } from "@/db/schema/emails";
import { FieldError } from "@/components/form-field-error";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ActionStatus } from "./action-status";
import { useTeamAction, type BoundAction } from "./use-team-action";

type Sent = { emailId: string; status: EmailStatus; created: boolean };

export function ReplyForm({ emailId, subject, to, from, action }: { emailId: string; subject: string; to: string; from: string | null; action: BoundAction<Sent> }) {
  const { state, run, pending, fields } = useTeamAction(action);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [body, setBody] = useState("");
  useEffect(() => {
    if (state?.ok) {
      setBody("");
      setKey(crypto.randomUUID());
    }
  }, [state]);
  return (
    <form onSubmit={submitWithoutReset(run)} noValidate className="grid gap-3 rounded-lg border p-4" aria-label="Reply">
      <input type="hidden" name="emailId" value={emailId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <p className="text-sm text-muted-foreground">
        To <span className="font-medium text-foreground">{to}</span>{from ? <> from <span className="font-medium text-foreground">{from}</span></> : null}, in this thread.
      </p>
      <div className="grid gap-1.5">
        <Label htmlFor="reply-subject">Subject</Label>
        <Input id="reply-subject" name="subject" defaultValue={subject} maxLength={300} aria-invalid={!!fields?.subject} aria-describedby="reply-subject-error" />
        <FieldError id="reply-subject-error" messages={fields?.subject} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="reply-body">Your reply</Label>
        <Textarea id="reply-body" name="body" rows={8} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={!!fields?.body} aria-describedby="reply-body-error" />
        <FieldError id="reply-body-error" messages={fields?.body} />
        <FieldError messages={fields?.to} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Sending…" : "Send reply"}</Button>
        <ActionStatus state={state} success={(d) => (d.status === "sent" ? "Reply sent." : "Reply queued; it leaves this mailbox in a moment.")} />
      </div>
    </form>
  );
}
