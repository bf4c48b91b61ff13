"use client";
// The Leads table with row checkboxes and the bulk "Add tag" / "Remove tag" bar for the selected rows.
import Link from "next/link";
import { useActionState, useState } from "react";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { FieldError } from "@/components/form-field-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { fieldErrorsOf, type BoundAction } from "./bound-action";
import { LeadStatusBadge } from "./lead-status-badge";

export type LeadsTableRow = { id: string; email: string; name: string; company: string | null; status: string; tags: string[]; created: string };

export function LeadsTable({ rows, teamSlug, tagAction }: { rows: LeadsTableRow[]; teamSlug: string; tagAction: BoundAction<{ changed: number; tag: string; mode: "add" | "remove" }> }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [state, formAction, pending] = useActionState(tagAction, undefined);
  const errors = fieldErrorsOf(state);
  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <div className="grid gap-3">
      <form onSubmit={submitWithoutReset(formAction)} className="flex flex-wrap items-end gap-2 rounded-lg border bg-muted/30 p-3" aria-label="Tag selected leads" noValidate>
        {[...selected].map((id) => (
          <input key={id} type="hidden" name="leadIds" value={id} />
        ))}
        <div className="grid gap-1">
          <Label htmlFor="bulk-tag">Tag for selected leads</Label>
          <Input id="bulk-tag" name="tag" placeholder="vip" className="h-8 w-48" aria-invalid={!!errors?.tag} />
        </div>
        <Button type="submit" name="mode" value="add" size="sm" disabled={pending || selected.size === 0}>Add tag</Button>
        <Button type="submit" name="mode" value="remove" size="sm" variant="outline" disabled={pending || selected.size === 0}>Remove tag</Button>
        <span className="text-sm text-muted-foreground">{selected.size} selected</span>
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">{state.data.mode === "add" ? "Tagged" : "Untagged"} {state.data.changed} lead{state.data.changed === 1 ? "" : "s"} “{state.data.tag}”.</span> : null}
          {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
        </span>
        <FieldError messages={[...(errors?.tag ?? []), ...(errors?.leadIds ?? [])]} className="w-full" />
      </form>
      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-8">
                <Checkbox aria-label="Select all leads on this page" checked={allChecked} onCheckedChange={(v) => setSelected(v === true ? new Set(rows.map((r) => r.id)) : new Set())} />
              </TableHead>
              <TableHead>Name</TableHead>
              <TableHead>Email</TableHead>
              <TableHead>Company</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Tags</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} data-testid="lead-row" data-state={selected.has(r.id) ? "selected" : undefined}>
                <TableCell>
                  <Checkbox aria-label={`Select ${r.email}`} checked={selected.has(r.id)} onCheckedChange={(v) => toggle(r.id, v === true)} />
                </TableCell>
                <TableCell className="font-medium">
                  <Link href={`/${teamSlug}/leads/${r.id}`} className="hover:underline">{r.name || "—"}</Link>
                </TableCell>
                <TableCell>
                  <Link href={`/${teamSlug}/leads/${r.id}`} className="hover:underline">{r.email}</Link>
                </TableCell>
                <TableCell>{r.company ?? "—"}</TableCell>
                <TableCell><LeadStatusBadge status={r.status} /></TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">{r.tags.map((t) => <Badge key={t} variant="outline">{t}</Badge>)}</div>
                </TableCell>
                <TableCell className="text-xs whitespace-nowrap">{r.created}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
