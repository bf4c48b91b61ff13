"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { FieldError } from "@/components/form-field-error";
import { MailboxStatusBadge } from "@/components/mailboxes/mailbox-status-badge";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionState } from "@/lib/auth/team-action";
import type { LeadSelectionType } from "@/lib/campaigns/campaign.schema";
import { WEEKDAYS, type CampaignFormValues } from "@/lib/campaigns/campaign-form-values";
import type { CampaignFormOptions } from "@/lib/campaigns/list-campaign-form-options";
import { LeadCountPreview } from "./lead-count-preview";

const SELECTIONS: { value: LeadSelectionType; label: string }[] = [
  { value: "all", label: "All leads" },
  { value: "tag", label: "By tag" },
  { value: "status", label: "By status" },
  { value: "q", label: "By search" },
  { value: "import", label: "From an import" },
  { value: "field", label: "By custom field" },
];
const LEAD_STATUSES = ["new", "contacted", "replied", "interested", "not_interested"];

/** The wall time of an instant in this browser's zone, as a datetime-local value. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

type Fields = Record<string, string[]> | undefined;

function Field({ id, label, hint, fields, children }: { id: string; label: string; hint?: string; fields: Fields; children: React.ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <FieldError messages={fields?.[id]} />
    </div>
  );
}

export function CampaignForm<R>({
  teamSlug,
  action,
  values,
  options,
  timeZones,
  campaignId,
  submitLabel,
}: {
  teamSlug: string;
  action: (state: ActionState<R>, payload: FormData) => Promise<ActionState<R>>;
  values: CampaignFormValues;
  options: CampaignFormOptions;
  timeZones: string[];
  campaignId?: string;
  submitLabel: string;
}) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  const [selection, setSelection] = useState<LeadSelectionType>(values.selectionType);
  // The start is typed as this browser's wall time; its zone travels with it (set after hydration, not on the server).
  const [startAt, setStartAt] = useState("");
  const [browserZone, setBrowserZone] = useState("");
  useEffect(() => {
    setStartAt(toLocalInput(values.scheduledStartAt));
    setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, [values.scheduledStartAt]);
  const invalid = (name: string) => !!fields?.[name];
  const leadsRef = useRef<HTMLDivElement>(null);
  const [selectionVersion, setSelectionVersion] = useState(0);

  return (
    <form onSubmit={submitWithoutReset(dispatch)} className="grid gap-6" noValidate>
      {campaignId ? <input type="hidden" name="campaignId" value={campaignId} /> : null}
      <input type="hidden" name="startAtZone" value={browserZone} />
      <fieldset disabled={pending} className="grid gap-6">
        <Card>
          <CardHeader><CardTitle>Campaign</CardTitle></CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <Field id="name" label="Name" fields={fields}>
              <Input id="name" name="name" defaultValue={values.name} aria-invalid={invalid("name")} placeholder="Q3 fintech founders" />
            </Field>
            <Field id="sequenceId" label="Sequence" fields={fields} hint={options.sequences.length ? "The steps every lead walks through." : undefined}>
              <NativeSelect id="sequenceId" name="sequenceId" defaultValue={values.sequenceId} aria-invalid={invalid("sequenceId")}>
                <option value="">Choose later</option>
                {options.sequences.map((s) => <option key={s.id} value={s.id}>{s.name}{s.status === "draft" ? " (draft)" : ""}</option>)}
              </NativeSelect>
              {options.sequences.length === 0 ? <p className="text-xs text-muted-foreground">No sequences yet. <Link className="underline" href={`/${teamSlug}/sequences`}>Build one</Link>, then pick it here.</p> : null}
            </Field>
          </CardContent>
        </Card>

        <Card>
          <CardHeader><CardTitle>Leads</CardTitle><CardDescription>Unsubscribed, bounced and suppressed leads are always left out.</CardDescription></CardHeader>
          <CardContent className="grid gap-4" ref={leadsRef} onChange={() => setSelectionVersion((n) => n + 1)}>
            <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
              <legend className="sr-only">Which leads</legend>
              {SELECTIONS.map((s) => (
                <label key={s.value} className="flex items-center gap-1.5 text-sm">
                  <input type="radio" name="selectionType" value={s.value} checked={selection === s.value} onChange={() => setSelection(s.value)} className="size-4 accent-primary" />
                  {s.label}
                </label>
              ))}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              {selection === "tag" ? <Field id="tag" label="Tag" fields={fields}><Input id="tag" name="tag" defaultValue={values.tag} aria-invalid={invalid("tag")} /></Field> : null}
              {selection === "status" ? (
                <Field id="status" label="Lead status" fields={fields}>
                  <NativeSelect id="status" name="status" defaultValue={values.status} aria-invalid={invalid("status")}>
                    <option value="">Pick a status</option>
                    {LEAD_STATUSES.map((s) => <option key={s} value={s}>{s.replace("_", " ")}</option>)}
                  </NativeSelect>
                </Field>
              ) : null}
              {selection === "q" ? <Field id="q" label="Search words" hint="Matches name, company, title and address." fields={fields}><Input id="q" name="q" defaultValue={values.q} aria-invalid={invalid("q")} /></Field> : null}
              {selection === "import" ? (
                <Field id="importId" label="Import" fields={fields}>
                  <NativeSelect id="importId" name="importId" defaultValue={values.importId} aria-invalid={invalid("importId")}>
                    <option value="">Pick an import</option>
                    {options.imports.map((i) => <option key={i.id} value={i.id}>{i.fileName} · {new Date(i.createdAt).toISOString().slice(0, 10)}</option>)}
                  </NativeSelect>
                </Field>
              ) : null}
              {selection === "field" ? (
                <>
                  <Field id="fieldKey" label="Custom field" fields={fields}><Input id="fieldKey" name="fieldKey" defaultValue={values.fieldKey} aria-invalid={invalid("fieldKey")} placeholder="industry" /></Field>
                  <Field id="fieldValue" label="Field value" fields={fields}><Input id="fieldValue" name="fieldValue" defaultValue={values.fieldValue} aria-invalid={invalid("fieldValue")} placeholder="fintech" /></Field>
                </>
              ) : null}
            </div>
            <LeadCountPreview teamSlug={teamSlug} scope={leadsRef} version={selectionVersion} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader><CardTitle>Mailboxes</CardTitle><CardDescription>New leads rotate across the chosen mailboxes by weight; follow-ups stay on the lead&apos;s mailbox.</CardDescription></CardHeader>
          <CardContent className="grid gap-3">
            {options.mailboxes.length === 0 ? (
              <p className="text-sm text-muted-foreground">No mailboxes yet. <Link className="underline" href={`/${teamSlug}/mailboxes`}>Connect one</Link> to send from.</p>
            ) : (
              <ul className="grid gap-2">
                {options.mailboxes.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-3 rounded-md border p-3">
                    <label className="flex min-w-0 flex-1 items-center gap-2 text-sm">
                      <input type="checkbox" name="mailboxIds" value={m.id} defaultChecked={m.id in values.mailboxWeights} className="size-4 accent-primary" />
                      <span className="truncate font-medium">{m.email}</span>
                      <MailboxStatusBadge status={m.status} />
                      {m.statusReason ? <span className="truncate text-xs text-muted-foreground">{m.statusReason}</span> : null}
                    </label>
                    <div className="flex items-center gap-2">
                      <Label htmlFor={`weight_${m.id}`} className="text-xs text-muted-foreground"><span className="sr-only">Weight for {m.email}</span><span aria-hidden="true">Weight</span></Label>
                      <Input id={`weight_${m.id}`} name={`weight_${m.id}`} type="number" min={0} max={100} className="w-20" defaultValue={values.mailboxWeights[m.id] ?? 1} aria-invalid={invalid(`mailboxWeights.${m.id}`)} />
                    </div>
                    <FieldError messages={fields?.[`mailboxWeights.${m.id}`]} className="w-full" />
                  </li>
                ))}
              </ul>
            )}
            <FieldError messages={fields?.mailboxIds} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader><CardTitle>Schedule</CardTitle></CardHeader>
          <CardContent className="grid gap-4">
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Sending days</legend>
              <div className="flex flex-wrap gap-3">
                {WEEKDAYS.map((day, i) => (
                  <label key={day} className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" name="scheduleDays" value={i} defaultChecked={values.scheduleDays.includes(i)} className="size-4 accent-primary" />
                    {day}
                  </label>
                ))}
              </div>
              <FieldError messages={fields?.scheduleDays} />
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <Field id="scheduleStart" label="From" fields={fields}><Input id="scheduleStart" name="scheduleStart" type="time" defaultValue={values.scheduleStart} aria-invalid={invalid("scheduleStart")} /></Field>
              <Field id="scheduleEnd" label="Until" fields={fields}><Input id="scheduleEnd" name="scheduleEnd" type="time" defaultValue={values.scheduleEnd} aria-invalid={invalid("scheduleEnd")} /></Field>
              <Field id="timezoneMode" label="Time zone of the schedule" fields={fields}>
                <NativeSelect id="timezoneMode" name="timezoneMode" defaultValue={values.timezoneMode}>
                  <option value="recipient">The lead&apos;s</option>
                  <option value="mailbox">The sending mailbox&apos;s</option>
                  <option value="fixed">One fixed zone</option>
                </NativeSelect>
              </Field>
              <Field id="timezone" label="Time zone" hint="Required for a fixed zone; used for leads with no known zone." fields={fields}>
                <Input id="timezone" name="timezone" list="campaign-time-zones" defaultValue={values.timezone} aria-invalid={invalid("timezone")} placeholder="Europe/Berlin" />
                <datalist id="campaign-time-zones">{timeZones.map((tz) => <option key={tz} value={tz} />)}</datalist>
              </Field>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="startAt" label="Start date and time (optional)" hint={`Empty: starts as soon as you start it.${browserZone ? ` Your time (${browserZone}).` : ""}`} fields={fields}>
                <Input id="startAt" name="startAt" type="datetime-local" value={startAt} onChange={(e) => setStartAt(e.target.value)} aria-invalid={invalid("startAt")} />
              </Field>
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader><CardTitle>Limits, tracking and replies</CardTitle></CardHeader>
          <CardContent className="grid gap-4">
            <div className="grid gap-4 sm:grid-cols-3">
              <Field id="dailyNewLeadLimit" label="New leads per day" hint="Empty: no limit beyond the mailboxes' caps." fields={fields}><Input id="dailyNewLeadLimit" name="dailyNewLeadLimit" type="number" min={1} defaultValue={values.dailyNewLeadLimit} aria-invalid={invalid("dailyNewLeadLimit")} /></Field>
              <Field id="dailyLimit" label="Emails per day" hint="Campaign-wide, on top of each mailbox's cap." fields={fields}><Input id="dailyLimit" name="dailyLimit" type="number" min={1} defaultValue={values.dailyLimit} aria-invalid={invalid("dailyLimit")} /></Field>
              <Field id="minEmailScore" label="Minimum email score (0–100)" hint="Emails scoring lower are held back." fields={fields}><Input id="minEmailScore" name="minEmailScore" type="number" min={0} max={100} defaultValue={values.minEmailScore} aria-invalid={invalid("minEmailScore")} /></Field>
            </div>
            <div className="flex flex-wrap gap-6">
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="trackOpens" defaultChecked={values.trackOpens} className="size-4 accent-primary" />Track opens</label>
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="trackClicks" defaultChecked={values.trackClicks} className="size-4 accent-primary" />Track clicks</label>
            </div>
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">When a lead replies, stop</legend>
              <label className="flex items-center gap-2 text-sm"><input type="radio" name="stopScope" value="lead" defaultChecked={values.stopScope === "lead"} className="size-4 accent-primary" />This lead</label>
              <label className="flex items-center gap-2 text-sm"><input type="radio" name="stopScope" value="domain" defaultChecked={values.stopScope === "domain"} className="size-4 accent-primary" />Anyone at the lead&apos;s company domain</label>
            </fieldset>
          </CardContent>
        </Card>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
        <Button asChild variant="ghost"><Link href={campaignId ? `/${teamSlug}/campaigns/${campaignId}` : `/${teamSlug}/campaigns`}>Cancel</Link></Button>
        <span role="status" className="text-sm">{state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}</span>
      </div>
    </form>
  );
}
