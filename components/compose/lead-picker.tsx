"use client";
// Who the email is for: a saved lead from the picker, or fields typed in by hand.
import Link from "next/link";
import { FieldError } from "@/components/form-field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { FieldErrors, LeadFields } from "./composer-types";

export type LeadOption = { id: string; label: string };

const FIELDS: { name: keyof LeadFields; label: string; type?: string; autoComplete?: string; wide?: boolean; placeholder?: string }[] = [
  { name: "firstName", label: "First name", autoComplete: "off" },
  { name: "lastName", label: "Last name", autoComplete: "off" },
  { name: "email", label: "Email", type: "email", autoComplete: "off", wide: true, placeholder: "ada@acme.com" },
  { name: "company", label: "Company", autoComplete: "off" },
  { name: "title", label: "Title", autoComplete: "off" },
  { name: "website", label: "Website", type: "url", autoComplete: "off", wide: true, placeholder: "https://acme.com" },
];

export function LeadPicker({
  options,
  selectedId,
  onPick,
  fields,
  onFieldChange,
  errors,
  leadsHref,
  disabled,
}: {
  options: LeadOption[];
  selectedId: string;
  onPick: (leadId: string) => void;
  fields: LeadFields;
  onFieldChange: (name: keyof LeadFields, value: string) => void;
  errors?: FieldErrors;
  leadsHref: string;
  disabled?: boolean;
}) {
  return (
    <fieldset className="grid gap-3" disabled={disabled}>
      <legend className="sr-only">Lead</legend>
      <div className="grid gap-1.5">
        <Label htmlFor="compose-lead">Lead</Label>
        <NativeSelect id="compose-lead" value={selectedId} onChange={(e) => onPick(e.target.value)} className="w-full" aria-describedby="compose-lead-hint">
          <option value="">Someone new (type their details)</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </NativeSelect>
        <p id="compose-lead-hint" className="text-xs text-muted-foreground">
          {options.length === 0 ? (
            <>No saved leads yet. Type one below, or <Link href={leadsHref} className="underline underline-offset-4">add leads</Link>.</>
          ) : (
            "Picking a lead fills in their details and research. Edits here apply to this draft only."
          )}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3">
        {FIELDS.map((f) => {
          const id = `compose-lead-${f.name}`;
          const messages = errors?.[`lead.${f.name}`];
          return (
            <div key={f.name} className={f.wide ? "col-span-2 grid gap-1.5" : "grid gap-1.5"}>
              <Label htmlFor={id}>{f.label}</Label>
              <Input
                id={id}
                type={f.type ?? "text"}
                value={fields[f.name]}
                onChange={(e) => onFieldChange(f.name, e.target.value)}
                autoComplete={f.autoComplete}
                placeholder={f.placeholder}
                aria-invalid={!!messages}
                aria-describedby={messages ? `${id}-error` : undefined}
              />
              <FieldError id={`${id}-error`} messages={messages} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
