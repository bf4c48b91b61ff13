"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/form-field-error";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LEAD_IMPORT_FIELD_LABELS, LEAD_IMPORT_FIELDS } from "@/lib/leads/import/lead-import-fields";
import { startLeadImportAction } from "./actions";

export type MappingColumn = { header: string; samples: string[]; value: string; customValue: string };

export function MappingForm({ teamSlug, importId, columns }: { teamSlug: string; importId: string; columns: MappingColumn[] }) {
  const [state, action, pending] = useActionState(startLeadImportAction.bind(null, teamSlug), undefined);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-6" noValidate>
      <input type="hidden" name="importId" value={importId} />
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow><TableHead>CSV column</TableHead><TableHead>Sample values</TableHead><TableHead>Import as</TableHead></TableRow>
          </TableHeader>
          <TableBody>
            {columns.map((c, i) => (
              <TableRow key={c.header} data-testid="mapping-row">
                <TableCell className="font-medium">
                  <Label htmlFor={`column-${i}`}><span className="sr-only">Field for column </span>{c.header}</Label>
                </TableCell>
                <TableCell className="max-w-64 text-xs text-muted-foreground">
                  {c.samples.length ? c.samples.map((s, j) => <div key={j} className="truncate">{s}</div>) : <span className="italic">empty</span>}
                </TableCell>
                <TableCell>
                  <NativeSelect id={`column-${i}`} name="columns" defaultValue={c.value} aria-invalid={!!fields?.[`columns.${i}`]} aria-describedby={`column-${i}-error`} className="w-64">
                    <optgroup label="Lead field">
                      {LEAD_IMPORT_FIELDS.map((f) => <option key={f} value={f}>{LEAD_IMPORT_FIELD_LABELS[f]}</option>)}
                    </optgroup>
                    <option value={c.customValue}>Custom field ({c.customValue.slice("custom:".length)})</option>
                    <option value="ignore">Ignore this column</option>
                  </NativeSelect>
                  <FieldError id={`column-${i}-error`} messages={fields?.[`columns.${i}`]} className="mt-1" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <FieldError messages={fields?.columns} />

      <fieldset className="grid gap-2" aria-describedby="policy-error">
        <legend className="mb-1 text-sm font-medium">When an address is already a lead</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="duplicatePolicy" value="update" className="size-4 accent-primary" />
          Update existing leads <span className="text-muted-foreground">(fill in the file&apos;s values; status is never changed)</span>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="duplicatePolicy" value="skip" defaultChecked className="size-4 accent-primary" />
          Skip existing leads <span className="text-muted-foreground">(leave them as they are)</span>
        </label>
        <FieldError id="policy-error" messages={fields?.duplicatePolicy} />
      </fieldset>

      <div className="grid max-w-md gap-1.5">
        <Label htmlFor="tags">Tags to add</Label>
        <Input id="tags" name="tags" placeholder="webinar-2025, warm" aria-invalid={!!fields?.tags} aria-describedby="tags-help tags-error" />
        <p id="tags-help" className="text-xs text-muted-foreground">Added to every lead this import creates or updates. Separate tags with commas.</p>
        <FieldError id="tags-error" messages={fields?.tags} />
      </div>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Starting…" : "Start import"}</Button>
        <span role="status" className="text-sm text-destructive">{state && !state.ok ? state.error : null}</span>
      </div>
    </form>
  );
}
