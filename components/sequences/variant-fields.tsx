"use client";
// One A/B variant of a step: weight, subject, body (typed or copied from a template), and its score.
import { Trash2 } from "lucide-react";
import { useMemo } from "react";
import { InsertVariableMenu } from "@/components/compose/insert-variable-menu";
import { ScorePanel } from "@/components/compose/score-panel";
import { FieldError } from "@/components/form-field-error";
import { useInsertAtCursor } from "@/components/templates/use-insert-at-cursor";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { scoreEmail } from "@/lib/ai/score-email";
import type { TemplateChoice } from "@/lib/templates/list-templates";
import type { BuilderErrors, BuilderVariant } from "./builder-state";

export function VariantFields({
  id,
  path,
  variant,
  subjectHint,
  templates,
  errors,
  onChange,
  onRemove,
}: {
  /** Unique prefix for element ids. */
  id: string;
  /** Field path prefix, e.g. "steps.1.variants.0". */
  path: string;
  variant: BuilderVariant;
  subjectHint: string;
  templates: TemplateChoice[];
  errors?: BuilderErrors;
  onChange: (patch: Partial<BuilderVariant>) => void;
  onRemove?: () => void;
}) {
  const subject = variant.subject ?? "";
  const { bind, insert } = useInsertAtCursor<"subject" | "body">("body", (f) => (f === "subject" ? subject : variant.body), (f, v) => onChange({ [f]: v }));
  const err = (name: string) => errors?.[`${path}.${name}`];
  const score = useMemo(() => (variant.body.trim() ? scoreEmail({ subject, body: variant.body }) : null), [subject, variant.body]);

  function applyTemplate(templateId: string) {
    const t = templates.find((x) => x.id === templateId);
    onChange(t ? { templateId: t.id, subject: t.subject, body: t.body } : { templateId: "" });
  }

  return (
    <div className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_7rem_auto] sm:items-end">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-template`}>Use template</Label>
          <NativeSelect id={`${id}-template`} value={variant.templateId ?? ""} onChange={(e) => applyTemplate(e.target.value)} className="w-full">
            <option value="">{templates.length ? "None: write it here" : "No templates yet"}</option>
            {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-weight`}>Weight</Label>
          <Input id={`${id}-weight`} type="number" min={0} max={100} inputMode="numeric" value={String(variant.weight)} onChange={(e) => onChange({ weight: e.target.value === "" ? "" as unknown as number : Number(e.target.value) })} aria-invalid={!!err("weight")} />
        </div>
        {onRemove ? (
          <Button type="button" variant="ghost" size="sm" className="text-destructive" onClick={onRemove}>
            <Trash2 aria-hidden="true" /> Remove variant {variant.label}
          </Button>
        ) : <span />}
      </div>
      <FieldError messages={[...(err("weight") ?? []), ...(err("label") ?? []), ...(err("templateId") ?? [])]} />
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-subject`}>Subject</Label>
        <Input id={`${id}-subject`} value={subject} onChange={(e) => onChange({ subject: e.target.value })} {...bind("subject")} placeholder={subjectHint} aria-invalid={!!err("subject")} aria-describedby={`${id}-subject-error`} />
        <FieldError id={`${id}-subject-error`} messages={err("subject")} />
      </div>
      <div className="grid gap-1.5">
        <div className="flex items-end justify-between gap-2">
          <Label htmlFor={`${id}-body`}>Body</Label>
          <InsertVariableMenu onInsert={insert} />
        </div>
        <Textarea id={`${id}-body`} rows={7} value={variant.body} onChange={(e) => onChange({ body: e.target.value })} {...bind("body")} aria-invalid={!!err("body")} aria-describedby={`${id}-body-error`} />
        <FieldError id={`${id}-body-error`} messages={err("body")} />
      </div>
      <details className="rounded-md border p-3 text-sm">
        <summary className="cursor-pointer rounded-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
          Score for variant {variant.label}: <span className="font-semibold tabular-nums" data-testid="variant-score">{score ? `${score.score}/100` : "—"}</span>
        </summary>
        <div className="mt-3"><ScorePanel result={score} /></div>
      </details>
    </div>
  );
}
