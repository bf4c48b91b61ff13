"use client";
// The lead's edit form: every field but the address, its status and tags; field errors from the same zod schema.
import { useActionState } from "react";
import { FieldError } from "@/components/form-field-error";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { Lead } from "@/db/schema/leads";
import { fieldErrorsOf, type BoundAction } from "./bound-action";
import { LeadFieldInputs } from "./lead-field-inputs";
import { LEAD_STATUS_LABEL } from "./lead-status-badge";

type EditableLead = Pick<Lead, "id" | "status" | "firstName" | "lastName" | "company" | "title" | "phone" | "website" | "linkedinUrl" | "city" | "country" | "timezone" | "tags" | "customFields">;

export function LeadEditForm({ lead, action }: { lead: EditableLead; action: BoundAction<null> }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = fieldErrorsOf(state) ?? {};
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="grid gap-4" noValidate>
      <input type="hidden" name="leadId" value={lead.id} />
      <div className="grid gap-1.5 sm:max-w-xs">
        <Label htmlFor="lead-edit-status">Status</Label>
        <NativeSelect id="lead-edit-status" name="status" defaultValue={lead.status} aria-invalid={!!errors.status}>
          {Object.entries(LEAD_STATUS_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </NativeSelect>
        <FieldError messages={errors.status} />
      </div>
      <LeadFieldInputs prefix="lead-edit" defaults={lead} errors={errors} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save changes"}</Button>
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">Saved.</span> : null}
          {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
        </span>
      </div>
    </form>
  );
}
