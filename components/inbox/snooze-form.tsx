"use client";
// Snooze until a time on the rep's own clock (tomorrow 9:00, next Monday 9:00, or a date they pick); unsnooze.
import { startTransition, useState } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ActionStatus } from "./action-status";
import { LocalTime } from "./local-time";
import { useTeamAction, type BoundAction } from "./use-team-action";

function atNine(daysAhead: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + daysAhead);
  d.setHours(9, 0, 0, 0);
  return d;
}
const tomorrowNine = () => atNine(1);
// Next Monday (a week from today when today is Monday).
const nextWeekNine = () => atNine(((8 - new Date().getDay()) % 7) || 7);

export function SnoozeForm({ emailId, snoozedUntil, action }: { emailId: string; snoozedUntil: string | null; action: BoundAction<{ snoozedUntil: string | null }> }) {
  const { state, run, pending, fields } = useTeamAction(action);
  const [picked, setPicked] = useState("");
  const submit = (until: Date | null) => {
    const data = new FormData();
    data.set("emailId", emailId);
    data.set("until", until ? until.toISOString() : "");
    startTransition(() => run(data));
  };
  const active = snoozedUntil && new Date(snoozedUntil) > new Date() ? snoozedUntil : null;
  return (
    <div className="grid gap-2" role="group" aria-label="Snooze">
      <div className="text-sm font-medium">Snooze</div>
      {active ? (
        <p className="text-sm text-muted-foreground" data-testid="snoozed-until">Snoozed until <LocalTime iso={active} />. It comes back to the inbox then.</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => submit(tomorrowNine())}>Tomorrow 9:00</Button>
        <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => submit(nextWeekNine())}>Next week</Button>
        {active ? <Button type="button" size="sm" variant="ghost" disabled={pending} onClick={() => submit(null)}>Unsnooze</Button> : null}
      </div>
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const when = picked ? new Date(picked) : null;
          if (when && !Number.isNaN(when.getTime())) submit(when);
        }}
      >
        <div className="grid flex-1 gap-1">
          <Label htmlFor="snooze-until" className="text-xs text-muted-foreground">Or until</Label>
          <Input id="snooze-until" type="datetime-local" value={picked} onChange={(e) => setPicked(e.target.value)} aria-invalid={!!fields?.until} />
        </div>
        <Button type="submit" size="sm" variant="outline" disabled={pending || !picked}>Snooze</Button>
      </form>
      <FieldError messages={fields?.until} />
      <ActionStatus state={state} success={(d) => (d.snoozedUntil ? "Snoozed." : "Back in the inbox.")} />
    </div>
  );
}
