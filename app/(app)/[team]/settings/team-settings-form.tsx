"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { updateTeamSettingsAction } from "./actions";
import { submitWithoutReset } from "@/components/submit-without-reset";

export function TeamSettingsForm({ teamSlug, name, postalAddress, trackingDomain, readOnly }: { teamSlug: string; name: string; postalAddress: string; trackingDomain: string; readOnly: boolean }) {
  const [state, action, pending] = useActionState(updateTeamSettingsAction.bind(null, teamSlug), undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid max-w-xl gap-4" noValidate>
      <fieldset disabled={readOnly || pending} className="grid gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor="team-name">Team name</Label>
          <Input id="team-name" name="name" defaultValue={name} aria-invalid={!!fields?.name} />
          <FieldError messages={fields?.name} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="postal-address">Postal address</Label>
          <Textarea id="postal-address" name="postalAddress" rows={3} defaultValue={postalAddress} placeholder={"Acme Inc.\n1 Market St, San Francisco, CA 94105"} aria-invalid={!!fields?.postalAddress} />
          <p className="text-xs text-muted-foreground">Shown in the footer of every campaign email (CAN-SPAM). Campaigns cannot send without it.</p>
          <FieldError messages={fields?.postalAddress} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="tracking-domain">Custom tracking domain (optional)</Label>
          <Input id="tracking-domain" name="trackingDomain" defaultValue={trackingDomain} placeholder="track.acme.com" aria-invalid={!!fields?.trackingDomain} />
          <p className="text-xs text-muted-foreground">Point a CNAME for this host at this app; open, click and unsubscribe links then use it instead of the app&apos;s own address.</p>
          <FieldError messages={fields?.trackingDomain} />
        </div>
      </fieldset>
      {readOnly ? (
        <p className="text-sm text-muted-foreground">Only owners and admins can change team settings.</p>
      ) : (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
          <span role="status" className="text-sm">
            {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">Saved.</span> : null}
            {state && !state.ok && !fields ? <span className="text-destructive">{state.error}</span> : null}
          </span>
        </div>
      )}
    </form>
  );
}
