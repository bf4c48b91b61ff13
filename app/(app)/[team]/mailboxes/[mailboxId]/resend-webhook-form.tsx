"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/form-field-error";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { updateResendWebhookSecretAction } from "../actions";

export function ResendWebhookForm({ teamSlug, mailboxId, url, events, hasSecret, readOnly }: { teamSlug: string; mailboxId: string; url: string; events: readonly string[]; hasSecret: boolean; readOnly: boolean }) {
  const [state, action, pending] = useActionState(updateResendWebhookSecretAction.bind(null, teamSlug), undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  const saved = hasSecret || state?.ok;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-4" noValidate>
      <input type="hidden" name="mailboxId" value={mailboxId} />
      <div className="grid gap-1.5">
        <Label htmlFor="resend-webhook-url">Endpoint URL</Label>
        <Input id="resend-webhook-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
        <p className="text-xs text-muted-foreground">
          In Resend → Webhooks, add this URL with the events {events.join(", ")}; then paste the webhook&apos;s signing secret below.
        </p>
      </div>
      <fieldset disabled={readOnly || pending} className="grid gap-1.5">
        <Label htmlFor="resend-webhook-secret">{saved ? "Replace signing secret" : "Signing secret"}</Label>
        <Input id="resend-webhook-secret" name="webhookSecret" type="password" autoComplete="off" placeholder="whsec_…" aria-invalid={!!fields?.webhookSecret} />
        <FieldError messages={fields?.webhookSecret} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        {readOnly ? null : <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save secret"}</Button>}
        <span role="status" className="text-sm">
          {state && !state.ok ? <span className="text-destructive">{state.error}</span> : saved ? <span className="text-emerald-600 dark:text-emerald-400">Receiving replies and bounces from Resend.</span> : <span className="text-muted-foreground">Not set up: replies and bounces are not received yet.</span>}
        </span>
      </div>
    </form>
  );
}
