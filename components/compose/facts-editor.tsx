"use client";
// The facts a draft may cite, each with its source: the lead's research plus any the rep adds by hand.
import { ExternalLink, Plus, X } from "lucide-react";
import { useRef, useState, type KeyboardEvent } from "react";
import { FieldError } from "@/components/form-field-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { emailFactSchema } from "@/lib/ai/generate-email.schema";
import type { ComposerFact, FieldErrors } from "./composer-types";

const newFactSchema = emailFactSchema.pick({ claim: true, sourceUrl: true });
export const MAX_FACTS = 20;

export function sourceHost(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

export function FactsEditor({
  facts,
  onAdd,
  onRemove,
  errors,
  note,
}: {
  facts: ComposerFact[];
  onAdd: (fact: { claim: string; sourceUrl: string }) => void;
  onRemove: (id: string) => void;
  /** Errors from the route, keyed "facts.<index>.<field>" or "facts". */
  errors?: FieldErrors;
  /** Why the list is short or empty (research still running, failed, none yet). */
  note?: string;
}) {
  const [claim, setClaim] = useState("");
  const [sourceUrl, setSourceUrl] = useState("");
  const [addErrors, setAddErrors] = useState<{ claim?: string[]; sourceUrl?: string[] }>({});
  const claimRef = useRef<HTMLInputElement>(null);
  const full = facts.length >= MAX_FACTS;
  const listErrors = errors ? Object.entries(errors).filter(([k]) => k === "facts" || k.startsWith("facts.")) : [];

  function add() {
    const parsed = newFactSchema.safeParse({ claim, sourceUrl: sourceUrl.trim() });
    if (!parsed.success) {
      const next: typeof addErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === "claim" ? "claim" : "sourceUrl";
        next[key] = [key === "claim" ? "Write the fact in a few words (at least 3 characters)." : "Enter the page it came from, starting with https://."];
      }
      setAddErrors(next);
      return;
    }
    onAdd(parsed.data);
    setClaim("");
    setSourceUrl("");
    setAddErrors({});
    claimRef.current?.focus();
  }

  // Enter adds the fact instead of submitting the whole brief.
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      add();
    }
  };

  return (
    <div className="grid gap-3">
      {facts.length === 0 ? (
        <p className="text-sm text-muted-foreground">{note ?? "No research facts yet. Add what you know about them, with the page it came from; the writer only uses facts listed here."}</p>
      ) : (
        <>
          {note ? <p className="text-xs text-muted-foreground">{note}</p> : null}
          <ul className="grid gap-2" aria-label="Facts the draft may use" data-testid="fact-list">
            {facts.map((f) => (
              <li key={f.id} className="flex items-start gap-2 rounded-md border bg-muted/30 p-2 text-sm">
                <Badge variant="outline" className="mt-0.5 font-mono">{f.id}</Badge>
                <div className="min-w-0 flex-1">
                  <p className="break-words">{f.claim}</p>
                  <a href={f.sourceUrl} target="_blank" rel="noreferrer noopener" className="inline-flex max-w-full items-center gap-1 text-xs text-muted-foreground underline-offset-4 hover:underline">
                    <span className="truncate">{sourceHost(f.sourceUrl)}</span>
                    <ExternalLink className="size-3 shrink-0" aria-hidden="true" />
                    <span className="sr-only">(source, opens in a new tab)</span>
                  </a>
                  {f.origin === "manual" ? <span className="ml-2 text-xs text-muted-foreground">added by you</span> : null}
                </div>
                <Button type="button" variant="ghost" size="icon-sm" onClick={() => onRemove(f.id)} aria-label={`Remove fact ${f.id}: ${f.claim}`}>
                  <X aria-hidden="true" />
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {listErrors.map(([key, messages]) => (
        <FieldError key={key} messages={messages.map((m) => (key === "facts" ? m : `${factLabel(key, facts)}: ${m}`))} />
      ))}
      <div className="grid gap-2 rounded-md border border-dashed p-3">
        <div className="grid gap-1.5">
          <Label htmlFor="compose-fact-claim">Add a fact</Label>
          <Input
            id="compose-fact-claim"
            ref={claimRef}
            value={claim}
            onChange={(e) => setClaim(e.target.value)}
            onKeyDown={onEnter}
            placeholder="Acme opened an office in Berlin in March"
            disabled={full}
            aria-invalid={!!addErrors.claim}
            aria-describedby={addErrors.claim ? "compose-fact-claim-error" : undefined}
          />
          <FieldError id="compose-fact-claim-error" messages={addErrors.claim} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="compose-fact-source">Source URL</Label>
          <Input
            id="compose-fact-source"
            type="url"
            value={sourceUrl}
            onChange={(e) => setSourceUrl(e.target.value)}
            onKeyDown={onEnter}
            placeholder="https://acme.com/news/berlin"
            disabled={full}
            aria-invalid={!!addErrors.sourceUrl}
            aria-describedby={addErrors.sourceUrl ? "compose-fact-source-error" : undefined}
          />
          <FieldError id="compose-fact-source-error" messages={addErrors.sourceUrl} />
        </div>
        <Button type="button" variant="outline" size="sm" onClick={add} disabled={full} className="justify-self-start">
          <Plus aria-hidden="true" /> Add fact
        </Button>
        {full ? <p className="text-xs text-muted-foreground">The writer takes at most {MAX_FACTS} facts; remove one to add another.</p> : null}
      </div>
    </div>
  );
}

function factLabel(key: string, facts: ComposerFact[]): string {
  const index = Number(key.split(".")[1]);
  return Number.isInteger(index) && facts[index] ? `Fact ${facts[index].id}` : "A fact";
}
