"use client";
// Live preview: the template rendered for a chosen lead (or the sample lead) by the server, as a send would, with its score.
import { useEffect, useState } from "react";
import { ScorePanel } from "@/components/compose/score-panel";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionState } from "@/lib/auth/team-action";
import type { PreviewLeadOption, TemplatePreview as Preview } from "@/lib/templates/preview-template";

export type PreviewAction = (input: { subject: string; body: string; leadId: string }) => Promise<ActionState<Preview>>;

export function TemplatePreview({ subject, body, leads, preview }: { subject: string; body: string; leads: PreviewLeadOption[]; preview: PreviewAction }) {
  const [leadId, setLeadId] = useState("");
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const state = await preview({ subject, body, leadId });
      if (!current) return;
      if (state?.ok) { setResult(state.data); setError(null); } else setError(state?.error ?? "The preview could not be rendered.");
    }, 300);
    return () => { current = false; clearTimeout(timer); };
  }, [subject, body, leadId, preview]);

  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor="preview-lead">Preview for</Label>
        <NativeSelect id="preview-lead" value={leadId} onChange={(e) => setLeadId(e.target.value)} className="w-full">
          <option value="">Sample lead (Jordan Lee, Northwind Traders)</option>
          {leads.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
        </NativeSelect>
      </div>
      {!result && !error ? <p className="text-sm text-muted-foreground">Rendering the preview…</p> : null}
      {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
      {result ? (
        <div className="grid gap-2 rounded-md border bg-muted/30 p-3 text-sm" data-testid="template-preview" aria-live="polite">
          {result.problem ? <p className="text-amber-700 dark:text-amber-400">{result.problem}</p> : null}
          <p><span className="text-muted-foreground">Subject:</span> <span className="font-medium" data-testid="preview-subject">{result.subject || "—"}</span></p>
          <div className="whitespace-pre-wrap" data-testid="preview-body">{result.text || <span className="text-muted-foreground">The body appears here as you type.</span>}</div>
        </div>
      ) : null}
      <div>
        <h3 className="mb-2 text-sm font-medium">Score{result ? ` for ${result.leadLabel}` : ""}</h3>
        <ScorePanel result={subject.trim() || body.trim() ? result?.score ?? null : null} />
      </div>
    </div>
  );
}
