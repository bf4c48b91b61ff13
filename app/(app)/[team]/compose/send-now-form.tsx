"use client";
// "Send now": the draft goes to the lead from one of the team's mailboxes, through the sending pipeline.
import { Send } from "lucide-react";
import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { MailboxOption } from "@/components/compose/composer-types";
import { contentDigest } from "@/components/compose/content-digest";
import { draftBodyToHtml } from "@/components/compose/draft-to-html";
import { renderVariables, type VariableValues } from "@/lib/email/render/template-variables";
import { sendEmailAction } from "../emails/actions";

function randomNonce(): string {
  // getRandomValues works on plain-http hosts too, where crypto.randomUUID does not exist.
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function SendNowForm({
  teamSlug,
  mailboxes,
  to,
  subject,
  body,
  recipientValues,
  unsupportedClaims,
  streaming,
}: {
  teamSlug: string;
  mailboxes: MailboxOption[];
  to: string;
  subject: string;
  body: string;
  /** What the sender will fill variables from: the saved lead with this address, or only the address for a new one. */
  recipientValues: VariableValues;
  /** Sentences with claims no fact supports; sending them needs an explicit "I checked". */
  unsupportedClaims: readonly string[];
  streaming: boolean;
}) {
  const [state, dispatch, pending] = useActionState(sendEmailAction.bind(null, teamSlug), undefined);
  const [mailboxId, setMailboxId] = useState(mailboxes[0]?.id ?? "");
  const [checkedClaims, setCheckedClaims] = useState<string | null>(null);
  const nonce = useRef<string | null>(null);
  const fields = state && !state.ok ? state.fields : undefined;

  const claimsKey = unsupportedClaims.join("\n");
  const claimsCleared = unsupportedClaims.length === 0 || checkedClaims === claimsKey;
  const missing = renderVariables(`${subject}\n${body}`, { values: recipientValues, mode: "text" }).missing;
  const blocker =
    mailboxes.length === 0 ? null
      : streaming ? "Wait for the writer to finish."
        : !to.trim() ? "Add the lead's email address above."
          : !subject.trim() || !body.trim() ? "Write a subject and a body first."
            : !claimsCleared ? "Check the flagged claims first."
              : null;
  const disabled = mailboxes.length === 0 || blocker !== null || pending;

  function send(formData: FormData) {
    nonce.current ??= randomNonce();
    // A retry of this very email reuses its key, so a double submit or a lost answer never sends twice.
    formData.set("idempotencyKey", `compose:${nonce.current}:${contentDigest(JSON.stringify([mailboxId, to, subject, body]))}`);
    dispatch(formData);
  }

  return (
    <form action={send} className="grid gap-4" noValidate aria-describedby="send-blocker">
      {mailboxes.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="no-mailbox">
          Your team has no mailbox to send from yet.{" "}
          <Link href={`/${teamSlug}/mailboxes`} className="font-medium text-foreground underline underline-offset-4">Add one on the Mailboxes page</Link>.
        </p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="grid gap-1.5">
            <Label htmlFor="send-mailbox">From</Label>
            <NativeSelect id="send-mailbox" name="mailboxId" value={mailboxId} onChange={(e) => setMailboxId(e.target.value)} className="w-full" aria-invalid={!!fields?.mailboxId}>
              {mailboxes.map((m) => (
                <option key={m.id} value={m.id}>{m.displayName ? `${m.displayName} <${m.email}>` : m.email}</option>
              ))}
            </NativeSelect>
            <FieldError messages={fields?.mailboxId} />
          </div>
          <div className="grid gap-1.5">
            <span className="text-sm font-medium leading-none">To</span>
            <p className="flex h-9 items-center truncate text-sm" data-testid="send-to">{to.trim() || <span className="text-muted-foreground">the lead&apos;s email (not set)</span>}</p>
            <FieldError messages={fields?.to} />
          </div>
        </div>
      )}
      <input type="hidden" name="to" value={to.trim()} />
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="html" value={draftBodyToHtml(body)} />
      <input type="hidden" name="text" value={body} />
      <input type="hidden" name="trackOpens" value="on" />
      <input type="hidden" name="trackClicks" value="on" />

      {missing.length > 0 ? (
        <p className="text-sm text-amber-700 dark:text-amber-400">
          This email uses {missing.map((m) => `{{${m}}}`).join(", ")}, which {to.trim() ? "this recipient's lead record" : "the recipient"} has no value for.
          Add a fallback such as {`{{${missing[0]}|there}}`} or the send will be refused.
        </p>
      ) : null}
      {unsupportedClaims.length > 0 ? (
        <div className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
          <Checkbox
            id="send-claims-checked"
            checked={checkedClaims === claimsKey}
            onCheckedChange={(v) => setCheckedClaims(v === true ? claimsKey : null)}
            className="mt-0.5"
          />
          <Label htmlFor="send-claims-checked" className="leading-snug font-normal">
            {unsupportedClaims.length === 1 ? "One sentence makes a claim" : `${unsupportedClaims.length} sentences make claims`} no research fact supports
            (listed under Claims). I have checked {unsupportedClaims.length === 1 ? "it" : "them"}; send anyway.
          </Label>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={disabled}>
          <Send aria-hidden="true" /> {pending ? "Sending…" : "Send now"}
        </Button>
        <span id="send-blocker" className="text-sm text-muted-foreground">{blocker}</span>
      </div>
      <div role="status" className="text-sm">
        {state?.ok ? (
          <p className="text-emerald-700 dark:text-emerald-400">
            Sent to the queue.{" "}
            <Link href={`/${teamSlug}/emails/${state.data.emailId}`} className="font-medium underline underline-offset-4">Open the email</Link>{" "}
            to follow its delivery.
          </p>
        ) : null}
        {state && !state.ok ? <p className="text-destructive">{state.error}</p> : null}
      </div>
    </form>
  );
}
