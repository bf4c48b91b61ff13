"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createLocalMailboxAction } from "./actions";
import { submitWithoutReset } from "@/components/submit-without-reset";

export function LocalMailboxForm({ teamSlug, defaultEmail }: { teamSlug: string; defaultEmail: string }) {
  const [state, action, pending] = useActionState(createLocalMailboxAction.bind(null, teamSlug), undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start" noValidate>
      <div className="grid gap-1.5">
        <Label htmlFor="local-email">From address</Label>
        <Input id="local-email" name="email" type="email" defaultValue={defaultEmail} aria-invalid={!!fields?.email} />
        <FieldError messages={fields?.email} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="local-name">Display name</Label>
        <Input id="local-name" name="displayName" placeholder="Ada from Acme" />
      </div>
      <Button type="submit" disabled={pending} className="sm:mt-6">{pending ? "Adding…" : "Add local mailbox"}</Button>
      {state && !state.ok && !fields ? <p role="alert" className="text-sm text-destructive sm:col-span-3">{state.error}</p> : null}
    </form>
  );
}
