"use client";
// The lead's research facts, each with its source: correct a claim in place, delete one (confirmed), add one by hand.
import { ExternalLink } from "lucide-react";
import { useActionState, useEffect, useState } from "react";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ResearchFact } from "@/db/schema/research";
import { fieldErrorsOf, type BoundAction } from "./bound-action";
import { ConfirmActionDialog } from "./confirm-action-dialog";
import { TextField } from "./text-field";

type FactActions = { update: BoundAction<null>; remove: BoundAction<null>; add: BoundAction<null> };

function sourceLabel(url: string) {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

function FactItem({ leadId, fact, actions }: { leadId: string; fact: ResearchFact; actions: FactActions }) {
  const [editing, setEditing] = useState(false);
  const [state, formAction, pending] = useActionState(actions.update, undefined);
  const [removeState, removeAction, removing] = useActionState(actions.remove, undefined);
  useEffect(() => {
    if (state?.ok) setEditing(false);
  }, [state]);
  const errors = fieldErrorsOf(state) ?? {};
  return (
    <li className="grid gap-2 rounded-md border p-3" data-testid="research-fact">
      {editing ? (
        <form onSubmit={submitWithoutReset(formAction)} className="grid gap-2" noValidate>
          <input type="hidden" name="leadId" value={leadId} />
          <input type="hidden" name="factId" value={fact.id} />
          <TextField id={`fact-${fact.id}`} name="claim" label="Claim" defaultValue={fact.claim} errors={errors.claim} />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={pending}>Save fact</Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </form>
      ) : (
        <p className="text-sm">{fact.claim}</p>
      )}
      <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <a href={fact.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-1 underline">
          {sourceLabel(fact.sourceUrl)} <ExternalLink className="size-3" aria-hidden="true" />
        </a>
        <span>· {fact.fetchedAt.slice(0, 10)}</span>
        {fact.id.startsWith("manual-") ? <Badge variant="outline">added by hand</Badge> : <span>· confidence {Math.round(fact.confidence * 100)}%</span>}
        <span className="ml-auto flex gap-1">
          {editing ? null : <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit fact: ${fact.claim}`}>Edit</Button>}
          <ConfirmActionDialog
            trigger={{ label: "Delete", ariaLabel: `Delete fact: ${fact.claim}`, variant: "ghost", className: "text-destructive" }}
            title="Delete this fact?"
            description={`Drafts will no longer cite “${fact.claim}”. A new research run may find it again.`}
            confirmLabel="Delete fact"
            fields={{ leadId, factId: fact.id }}
            formAction={removeAction}
            pending={removing}
          />
        </span>
      </div>
      {(state && !state.ok && !state.fields) || (removeState && !removeState.ok) ? (
        <p role="alert" className="text-xs text-destructive">{state && !state.ok ? state.error : removeState && !removeState.ok ? removeState.error : ""}</p>
      ) : null}
    </li>
  );
}

export function AddFactForm({ leadId, action }: { leadId: string; action: BoundAction<null> }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const [key, setKey] = useState(0);
  useEffect(() => {
    if (state?.ok) setKey((k) => k + 1); // a fresh, empty form after a save
  }, [state]);
  const errors = fieldErrorsOf(state) ?? {};
  return (
    <form key={key} onSubmit={submitWithoutReset(formAction)} className="grid gap-2 sm:grid-cols-[2fr_1fr_auto] sm:items-start" noValidate>
      <input type="hidden" name="leadId" value={leadId} />
      <TextField id="new-fact-claim" name="claim" label="New fact" placeholder="Acme opened a Berlin office in May" errors={errors.claim} />
      <TextField id="new-fact-source" name="sourceUrl" label="Source URL" placeholder="https://acme.com/news" errors={errors.sourceUrl} />
      <Button type="submit" size="sm" className="sm:mt-6" disabled={pending}>Add fact</Button>
      {state && !state.ok && !state.fields ? <p role="alert" className="text-xs text-destructive sm:col-span-3">{state.error}</p> : null}
    </form>
  );
}

export function ResearchFacts({ leadId, facts, actions }: { leadId: string; facts: ResearchFact[]; actions: FactActions }) {
  return (
    <div className="grid gap-3">
      {facts.length === 0 ? (
        <p className="text-sm text-muted-foreground">No facts yet. Run research, or add one you know with its source.</p>
      ) : (
        <ul className="grid gap-2">{facts.map((f) => <FactItem key={`${f.id}-${f.claim}`} leadId={leadId} fact={f} actions={actions} />)}</ul>
      )}
      <AddFactForm leadId={leadId} action={actions.add} />
    </div>
  );
}
