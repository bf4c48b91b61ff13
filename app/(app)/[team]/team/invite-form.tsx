"use client";

import { useActionState, useId } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { inviteMemberAction } from "./actions";
import { submitWithoutReset } from "@/components/submit-without-reset";

export function InviteForm({ teamSlug }: { teamSlug: string }) {
  const [state, action, pending] = useActionState(inviteMemberAction.bind(null, teamSlug), undefined);
  const id = useId();
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start" noValidate>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-email`}>Email</Label>
        <Input id={`${id}-email`} name="email" type="email" placeholder="colleague@company.com" required aria-invalid={!!fields?.email} />
        <FieldError messages={fields?.email} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-role`}>Role</Label>
        <NativeSelect id={`${id}-role`} name="role" defaultValue="member">
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </NativeSelect>
        <FieldError messages={fields?.role} />
      </div>
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {pending ? "Sending…" : "Send invitation"}
      </Button>
      <p role="status" className="text-sm sm:col-span-3">
        {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">Invitation sent to {state.data.email}.</span> : null}
        {state && !state.ok && !fields ? <span className="text-destructive">{state.error}</span> : null}
      </p>
    </form>
  );
}
