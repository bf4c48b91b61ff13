"use client";
// The subject and body: streamed in, editable throughout, with variables and one-click rewrites.
import { Loader2, Square } from "lucide-react";
import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { countWords } from "@/lib/ai/email-text";
import { REWRITE_MODES, type RewriteMode } from "@/lib/ai/rewrite-email.schema";
import { InsertVariableMenu } from "./insert-variable-menu";
import type { Draft, DraftOrigin } from "./use-draft-stream";

export const REWRITE_LABELS: Record<RewriteMode, string> = {
  shorter: "Shorter",
  warmer: "Warmer",
  more_direct: "More direct",
  fix_grammar: "Fix grammar",
};

export function DraftEditor({
  draft,
  onEdit,
  onRewrite,
  onStop,
  streaming,
  origin,
  configuredModel,
}: {
  draft: Draft;
  onEdit: (field: "subject" | "body", value: string) => void;
  onRewrite: (mode: RewriteMode) => void;
  onStop: () => void;
  streaming: "write" | "rewrite" | null;
  origin: DraftOrigin | null;
  /** The model the server is set up with, shown before any draft exists. */
  configuredModel: string;
}) {
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Variables go where the rep last was; the body by default.
  const lastField = useRef<"subject" | "body">("body");
  const words = countWords(draft.body);

  function insert(token: string) {
    const field = lastField.current;
    const el = field === "subject" ? subjectRef.current : bodyRef.current;
    const value = field === "subject" ? draft.subject : draft.body;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    onEdit(field, value.slice(0, start) + token + value.slice(end));
    // After React has put the new value in, put the caret right after the variable.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <div className="grid gap-4">
      <div className="flex min-h-8 flex-wrap items-center justify-between gap-2">
        <div role="status" aria-live="polite" className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <DraftStatus streaming={streaming} origin={origin} configuredModel={configuredModel} />
        </div>
        {streaming ? (
          <Button type="button" variant="outline" size="sm" onClick={onStop} aria-keyshortcuts="Escape">
            <Square aria-hidden="true" /> Stop
          </Button>
        ) : null}
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="compose-subject">Subject</Label>
        <Input
          id="compose-subject"
          ref={subjectRef}
          value={draft.subject}
          onChange={(e) => onEdit("subject", e.target.value)}
          onFocus={() => (lastField.current = "subject")}
          placeholder={streaming ? "" : "Press Write, or type a subject"}
          autoComplete="off"
        />
      </div>
      <div className="grid gap-1.5">
        <div className="flex items-end justify-between gap-2">
          <Label htmlFor="compose-body">Body</Label>
          <span className="text-xs tabular-nums text-muted-foreground" data-testid="word-count">{words} {words === 1 ? "word" : "words"}</span>
        </div>
        <Textarea
          id="compose-body"
          ref={bodyRef}
          value={draft.body}
          onChange={(e) => onEdit("body", e.target.value)}
          onFocus={() => (lastField.current = "body")}
          aria-busy={streaming !== null}
          aria-describedby="compose-body-hint"
          placeholder={streaming ? "" : "The draft streams in here. You can also write your own."}
          className="min-h-64 leading-relaxed"
        />
        <p id="compose-body-hint" className="text-xs text-muted-foreground">
          {streaming ? "Typing in the body stops the writer and keeps what is there. Esc stops it too." : "Edit freely; the score and claim check below follow every change."}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <InsertVariableMenu onInsert={insert} />
        <div role="group" aria-label="Rewrite the draft" className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-muted-foreground" aria-hidden="true">Rewrite:</span>
          {REWRITE_MODES.map((mode) => (
            <Button
              key={mode}
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => onRewrite(mode)}
              disabled={streaming !== null || !draft.body.trim()}
              aria-label={`Rewrite: ${REWRITE_LABELS[mode].toLowerCase()}`}
            >
              {REWRITE_LABELS[mode]}
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}

function DraftStatus({ streaming, origin, configuredModel }: { streaming: "write" | "rewrite" | null; origin: DraftOrigin | null; configuredModel: string }) {
  const model = origin?.modelLabel ?? configuredModel;
  if (streaming) {
    const what = origin && origin.action in REWRITE_LABELS ? `Rewriting (${REWRITE_LABELS[origin.action as RewriteMode].toLowerCase()})` : "Writing";
    return (
      <>
        <Loader2 className="size-4 animate-spin" aria-hidden="true" />
        <span>{what} with <span data-testid="draft-model">{model}</span>…</span>
      </>
    );
  }
  if (!origin?.modelLabel) {
    return <span>Model: <span data-testid="draft-model">{model}</span></span>;
  }
  const rewritten = origin.action in REWRITE_LABELS;
  return (
    <>
      <span>
        {origin.stopped ? "Stopped: kept what " : origin.action === "open" ? "Saved draft, written by " : rewritten ? "Rewritten by " : "Written by "}
        <span data-testid="draft-model" className="text-foreground">{model}</span>
        {origin.stopped ? " wrote so far" : null}
      </span>
      {origin.cache ? (
        <Badge variant={origin.cache === "hit" ? "secondary" : "outline"} data-testid="draft-cache" data-cache={origin.cache}>
          {origin.cache === "hit" ? "From cache · no model call" : "Freshly written"}
        </Badge>
      ) : null}
    </>
  );
}
