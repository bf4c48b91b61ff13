"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { requestMagicLink } from "./actions";
import { submitWithoutReset } from "@/components/submit-without-reset";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(requestMagicLink, undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-3" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="grid gap-1.5">
        <Label htmlFor="email">Work email</Label>
        <Input id="email" name="email" type="email" autoComplete="email" placeholder="you@company.com" required autoFocus aria-invalid={!!fields?.email} />
        <FieldError messages={fields?.email} />
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Sending link…" : "Email me a sign-in link"}</Button>
      {state && !state.ok && !fields ? <p role="alert" className="text-sm text-destructive">{state.error}</p> : null}
    </form>
  );
}
