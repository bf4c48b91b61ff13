"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createResendMailboxAction, createSmtpMailboxAction } from "./actions";
import { submitWithoutReset } from "@/components/submit-without-reset";

function Field({ name, label, fields, id = `smtp-${name}`, ...props }: { name: string; label: string; fields?: Record<string, string[]> } & React.ComponentProps<typeof Input>) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} aria-invalid={!!fields?.[name]} {...props} />
      <FieldError messages={fields?.[name]} />
    </div>
  );
}

export function SmtpMailboxForm({ teamSlug }: { teamSlug: string }) {
  const [state, action, pending] = useActionState(createSmtpMailboxAction.bind(null, teamSlug), undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field name="email" label="Email address" type="email" placeholder="you@company.com" fields={fields} />
      <Field name="displayName" label="Display name" placeholder="Ada Lovelace" fields={fields} />
      <Field name="smtpHost" label="SMTP host" placeholder="smtp.company.com" fields={fields} />
      <Field name="smtpPort" label="SMTP port" type="number" defaultValue={587} fields={fields} />
      <Field name="smtpUser" label="User name" autoComplete="off" fields={fields} />
      <Field name="smtpPassword" label="Password" type="password" autoComplete="new-password" fields={fields} />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="smtpSecure" className="size-4 accent-primary" />
        Implicit TLS (port 465). Leave off for STARTTLS on 587.
      </label>
      <fieldset className="grid gap-4 border-t pt-4 sm:col-span-2 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">Incoming mail (IMAP)</legend>
        <p className="text-sm text-muted-foreground sm:col-span-2">Optional: fill in to read replies from this mailbox’s inbox. We log in with the user name and password above and never change or move your mail.</p>
        <Field name="imapHost" label="IMAP host" placeholder="imap.company.com" fields={fields} />
        <Field name="imapPort" label="IMAP port" type="number" defaultValue={993} fields={fields} />
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="imapSecure" defaultChecked className="size-4 accent-primary" />
          TLS (port 993). Leave off for STARTTLS on 143.
        </label>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? "Checking the server…" : "Verify and connect"}</Button>
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">Connected {state.data.email}.</span> : null}
          {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
        </span>
      </div>
    </form>
  );
}

export function ResendMailboxForm({ teamSlug }: { teamSlug: string }) {
  const [state, action, pending] = useActionState(createResendMailboxAction.bind(null, teamSlug), undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field name="email" label="From address (on a verified Resend domain)" type="email" placeholder="you@acme.com" fields={fields} id="resend-email" />
      <Field name="displayName" label="Display name" placeholder="Ada Lovelace" fields={fields} id="resend-displayName" />
      <Field name="apiKey" label="Resend API key" type="password" autoComplete="off" placeholder="re_…" fields={fields} id="resend-apiKey" />
      <div className="grid gap-1.5 sm:col-span-2">
        <Field name="webhookSecret" label="Webhook signing secret (optional)" type="password" autoComplete="off" placeholder="whsec_…" fields={fields} id="resend-webhookSecret" />
        <p className="text-xs text-muted-foreground">For replies and bounces. You can add it later on the mailbox&apos;s page, which shows the URL to give Resend.</p>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? "Checking with Resend…" : "Connect Resend"}</Button>
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">Connected {state.data.email}.</span> : null}
          {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
        </span>
      </div>
    </form>
  );
}
