"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { updateMailboxSettingsAction } from "../actions";
import { submitWithoutReset } from "@/components/submit-without-reset";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export type MailboxSettingsValues = {
  id: string;
  displayName: string | null;
  dailyCap: number;
  minIntervalSeconds: number;
  jitterSeconds: number;
  sendingDays: number[];
  sendingStartMinute: number;
  sendingEndMinute: number;
  timezone: string;
  warmupEnabled: boolean;
  warmupStartPerDay: number;
  warmupDailyIncrement: number;
  warmupTarget: number | null;
};

function NumberField({ name, label, value, hint, fields }: { name: string; label: string; value: number; hint?: string; fields?: Record<string, string[]> }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={name}>{label}</Label>
      <Input id={name} name={name} type="number" inputMode="numeric" defaultValue={value} aria-invalid={!!fields?.[name]} />
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <FieldError messages={fields?.[name]} />
    </div>
  );
}

export function MailboxSettingsForm({ teamSlug, mailbox, timeZones, readOnly }: { teamSlug: string; mailbox: MailboxSettingsValues; timeZones: string[]; readOnly: boolean }) {
  const [state, action, pending] = useActionState(updateMailboxSettingsAction.bind(null, teamSlug), undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-6" noValidate>
      <input type="hidden" name="mailboxId" value={mailbox.id} />
      <fieldset disabled={readOnly || pending} className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="grid gap-1.5 sm:col-span-2">
            <Label htmlFor="displayName">Display name</Label>
            <Input id="displayName" name="displayName" defaultValue={mailbox.displayName ?? ""} />
          </div>
          <NumberField name="dailyCap" label="Daily cap" value={mailbox.dailyCap} hint="Most sends in any rolling 24 hours." fields={fields} />
          <NumberField name="minIntervalSeconds" label="Minimum spacing (seconds)" value={mailbox.minIntervalSeconds} fields={fields} />
          <NumberField name="jitterSeconds" label="Random jitter (seconds)" value={mailbox.jitterSeconds} hint="Added to the spacing so sends don't look scheduled." fields={fields} />
        </div>
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-sm font-medium">Sending window</legend>
          <div className="flex flex-wrap gap-3">
            {DAYS.map((day, i) => (
              <label key={day} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="sendingDays" value={i} defaultChecked={mailbox.sendingDays.includes(i)} className="size-4 accent-primary" />
                {day}
              </label>
            ))}
          </div>
          <FieldError messages={fields?.sendingDays} />
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="grid gap-1.5">
              <Label htmlFor="sendingStart">From</Label>
              <Input id="sendingStart" name="sendingStart" type="time" defaultValue={hhmm(mailbox.sendingStartMinute)} aria-invalid={!!fields?.sendingStart} />
              <FieldError messages={fields?.sendingStart} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="sendingEnd">Until</Label>
              <Input id="sendingEnd" name="sendingEnd" type="time" defaultValue={hhmm(mailbox.sendingEndMinute)} aria-invalid={!!fields?.sendingEnd} />
              <FieldError messages={fields?.sendingEnd} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="timezone">Time zone</Label>
              <Input id="timezone" name="timezone" list="time-zones" defaultValue={mailbox.timezone} aria-invalid={!!fields?.timezone} />
              <datalist id="time-zones">{timeZones.map((tz) => <option key={tz} value={tz} />)}</datalist>
              <FieldError messages={fields?.timezone} />
            </div>
          </div>
        </fieldset>
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-sm font-medium">Warmup</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="warmupEnabled" defaultChecked={mailbox.warmupEnabled} className="size-4 accent-primary" />
            Ramp up slowly: today&apos;s cap follows the ramp until it reaches the target.
          </label>
          <div className="grid gap-4 sm:grid-cols-3">
            <NumberField name="warmupStartPerDay" label="Start (per day)" value={mailbox.warmupStartPerDay} fields={fields} />
            <NumberField name="warmupDailyIncrement" label="Daily increase" value={mailbox.warmupDailyIncrement} fields={fields} />
            <NumberField name="warmupTarget" label="Target (per day)" value={mailbox.warmupTarget ?? mailbox.dailyCap} fields={fields} />
          </div>
        </fieldset>
      </fieldset>
      {readOnly ? (
        <p className="text-sm text-muted-foreground">Only owners and admins can change mailbox settings.</p>
      ) : (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save settings"}</Button>
          <span role="status" className="text-sm">
            {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">Saved.</span> : null}
            {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
          </span>
        </div>
      )}
    </form>
  );
}
