// The lead's editable fields, shared by the "Add lead" dialog and the lead's edit form.
import type { Lead } from "@/db/schema/leads";
import { TextField } from "./text-field";

type Defaults = Partial<Pick<Lead, "firstName" | "lastName" | "company" | "title" | "phone" | "website" | "linkedinUrl" | "city" | "country" | "timezone" | "tags" | "customFields">>;

export function customFieldsText(fields: Lead["customFields"] | undefined): string {
  return Object.entries(fields ?? {})
    .map(([k, v]) => `${k}: ${v ?? ""}`)
    .join("\n");
}

export function LeadFieldInputs({ prefix, defaults = {}, errors = {}, compact = false }: { prefix: string; defaults?: Defaults; errors?: Record<string, string[]>; compact?: boolean }) {
  const f = (name: keyof Defaults & string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={`${prefix}-${name}`} name={name} label={label} defaultValue={defaults[name] as string | null | undefined} errors={errors[name]} {...extra} />
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {f("firstName", "First name")}
      {f("lastName", "Last name")}
      {f("company", "Company")}
      {f("title", "Job title")}
      {f("website", "Website", { placeholder: "https://acme.com" })}
      {compact ? null : (
        <>
          {f("phone", "Phone")}
          {f("linkedinUrl", "LinkedIn", { placeholder: "https://www.linkedin.com/in/…" })}
          {f("city", "City")}
          {f("country", "Country")}
          {f("timezone", "Time zone", { placeholder: "Europe/Berlin", hint: "IANA name; used when campaigns send in the lead's time zone." })}
        </>
      )}
      <TextField id={`${prefix}-tags`} name="tags" label="Tags" defaultValue={defaults.tags?.join(", ")} errors={errors.tags} placeholder="vip, q3" hint="Separate tags with commas." />
      {compact ? null : (
        <div className="sm:col-span-2">
          <TextField id={`${prefix}-customFields`} name="customFields" label="Custom fields" multiline defaultValue={customFieldsText(defaults.customFields)} errors={errors.customFields} placeholder={"industry: fintech\nseats: 40"} hint='One per line, as "name: value".' />
        </div>
      )}
    </div>
  );
}
