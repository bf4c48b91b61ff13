"use client";
// "Save as template" and "Add to sequence": keep the current subject and body for the team to reuse.
import { FilePlus2, ListPlus } from "lucide-react";
import Link from "next/link";
import { useActionState, useState } from "react";
import { FieldError } from "@/components/form-field-error";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionState } from "@/lib/auth/team-action";

type Action<R> = (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;
export type SequenceOption = { id: string; name: string };

/** Errors about the draft itself (not the field beside the button) are listed under it. */
function DraftErrors({ state }: { state: ActionState<unknown> }) {
  if (!state || state.ok) return null;
  const draft = [...(state.fields?.subject ?? []).map((m) => `Subject: ${m}`), ...(state.fields?.body ?? []).map((m) => `Body: ${m}`)];
  return (
    <div role="alert" className="text-sm text-destructive">
      <p>{state.error}</p>
      {draft.map((m) => <p key={m}>{m}</p>)}
    </div>
  );
}

export function SaveDraftPanel({
  teamSlug,
  subject,
  body,
  sequences,
  saveTemplate,
  addToSequence,
  disabled,
}: {
  teamSlug: string;
  subject: string;
  body: string;
  sequences: SequenceOption[];
  saveTemplate: Action<{ id: string; name: string }>;
  addToSequence: Action<{ sequenceId: string; position: number; name: string }>;
  disabled: boolean;
}) {
  const [tState, tAction, tPending] = useActionState(saveTemplate, undefined);
  const [sState, sAction, sPending] = useActionState(addToSequence, undefined);
  const [sequenceId, setSequenceId] = useState(sequences[0]?.id ?? "new");
  const tFields = tState && !tState.ok ? tState.fields : undefined;
  const sFields = sState && !sState.ok ? sState.fields : undefined;
  const draft = (
    <>
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="body" value={body} />
    </>
  );

  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <form onSubmit={submitWithoutReset(tAction)} noValidate className="grid content-start gap-3" aria-label="Save as template">
        {draft}
        <div className="grid gap-1.5">
          <Label htmlFor="save-template-name">Template name</Label>
          <Input id="save-template-name" name="name" maxLength={100} aria-invalid={!!tFields?.name} aria-describedby="save-template-name-error" />
          <FieldError id="save-template-name-error" messages={tFields?.name} />
        </div>
        <div>
          <Button type="submit" variant="outline" disabled={disabled || tPending}><FilePlus2 aria-hidden="true" /> {tPending ? "Saving…" : "Save as template"}</Button>
        </div>
        <div role="status" className="text-sm">
          {tState?.ok ? (
            <p className="text-emerald-700 dark:text-emerald-400">
              Saved as “{tState.data.name}”. <Link href={`/${teamSlug}/templates/${tState.data.id}`} className="font-medium underline underline-offset-4">Open the template</Link>
            </p>
          ) : null}
          <DraftErrors state={tState} />
        </div>
      </form>

      <form onSubmit={submitWithoutReset(sAction)} noValidate className="grid content-start gap-3" aria-label="Add to sequence">
        {draft}
        <div className="grid gap-1.5">
          <Label htmlFor="add-sequence">Sequence</Label>
          <NativeSelect id="add-sequence" name="sequenceId" value={sequenceId} onChange={(e) => setSequenceId(e.target.value)} className="w-full" aria-invalid={!!sFields?.sequenceId}>
            {sequences.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            <option value="new">New sequence…</option>
          </NativeSelect>
          <FieldError messages={sFields?.sequenceId} />
        </div>
        {sequenceId === "new" ? (
          <div className="grid gap-1.5">
            <Label htmlFor="add-sequence-name">New sequence name</Label>
            <Input id="add-sequence-name" name="newName" maxLength={100} aria-invalid={!!sFields?.newName} aria-describedby="add-sequence-name-error" />
            <FieldError id="add-sequence-name-error" messages={sFields?.newName} />
          </div>
        ) : null}
        <div>
          <Button type="submit" variant="outline" disabled={disabled || sPending}><ListPlus aria-hidden="true" /> {sPending ? "Adding…" : "Add to sequence"}</Button>
        </div>
        <div role="status" className="text-sm">
          {sState?.ok ? (
            <p className="text-emerald-700 dark:text-emerald-400">
              Added as step {sState.data.position + 1} of “{sState.data.name}”.{" "}
              <Link href={`/${teamSlug}/sequences/${sState.data.sequenceId}`} className="font-medium underline underline-offset-4">Open the sequence</Link>
            </p>
          ) : null}
          <DraftErrors state={sState} />
        </div>
      </form>
    </div>
  );
}
