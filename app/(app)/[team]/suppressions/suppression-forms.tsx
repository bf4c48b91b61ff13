"use client";

import { useActionState, useRef } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { addSuppressionsAction, removeSuppressionAction } from "./actions";
import { submitWithoutReset } from "@/components/submit-without-reset";

export function AddSuppressionsForm({ teamSlug }: { teamSlug: string }) {
  const [state, action, pending] = useActionState(addSuppressionsAction.bind(null, teamSlug), undefined);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fields = state && !state.ok ? state.fields : undefined;
  // A CSV file is read in the browser into the same textarea, so one path validates both.
  const onFile = async (file: File | undefined) => {
    if (file && textRef.current) textRef.current.value = await file.text();
  };
  return (
    <form onSubmit={submitWithoutReset(action)} className="grid gap-3" noValidate>
      <div className="grid gap-1.5">
        <Label htmlFor="entries">Addresses or domains, one per line</Label>
        <Textarea ref={textRef} id="entries" name="entries" rows={4} placeholder={"ada@competitor.com\ncompetitor.com"} aria-invalid={!!fields?.entries} />
        <FieldError messages={fields?.entries} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add to suppression list"}</Button>
        <label className="text-sm text-muted-foreground">
          or import a CSV <input type="file" accept=".csv,text/csv,text/plain" className="ml-1 text-sm" onChange={(e) => onFile(e.target.files?.[0])} />
        </label>
        <span role="status" className="text-sm">
          {state?.ok ? <span className="text-emerald-600 dark:text-emerald-400">Added {state.data.added}{state.data.alreadyListed ? `, ${state.data.alreadyListed} already listed` : ""}.</span> : null}
          {state && !state.ok ? <span className="text-destructive">{state.error}</span> : null}
        </span>
      </div>
    </form>
  );
}

export function RemoveSuppressionButton({ teamSlug, id, value }: { teamSlug: string; id: string; value: string }) {
  const [state, action, pending] = useActionState(removeSuppressionAction.bind(null, teamSlug), undefined);
  return (
    <form action={action} onSubmit={(e) => { if (!confirm(`Allow email to ${value} again?`)) e.preventDefault(); }}>
      <input type="hidden" name="suppressionId" value={id} />
      <Button type="submit" variant="ghost" size="sm" className="text-destructive" disabled={pending}>Remove</Button>
      {state && !state.ok ? <span className="text-xs text-destructive">{state.error}</span> : null}
    </form>
  );
}
