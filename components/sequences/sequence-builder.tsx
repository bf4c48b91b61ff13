"use client";
// The sequence builder: ordered steps with delays, conditions and A/B variants, saved whole in one go.
import { Plus } from "lucide-react";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/auth/team-action";
import { MAX_STEPS } from "@/lib/sequences/sequence.schema";
import type { TemplateChoice } from "@/lib/templates/list-templates";
import { newStep, type BuilderState, type BuilderStep } from "./builder-state";
import { StepCard } from "./step-card";

type Saved = { sequenceId: string };

export function SequenceBuilder({
  initial,
  templates,
  saveAction,
  readOnly = false,
}: {
  initial?: BuilderState;
  templates: TemplateChoice[];
  saveAction: (prev: ActionState<Saved>, state: BuilderState) => Promise<ActionState<Saved>>;
  readOnly?: boolean;
}) {
  const [state, setState] = useState<BuilderState>(initial ?? { name: "", description: "", steps: [newStep(true)] });
  // Stable React keys for steps, moved along with them.
  const nextKey = useRef(state.steps.length);
  const [keys, setKeys] = useState(() => state.steps.map((_, i) => i));
  const [result, save, pending] = useActionState(saveAction, undefined);
  const errors = result && !result.ok ? result.fields : undefined;

  const setSteps = (steps: BuilderStep[], nextKeys: number[]) => {
    setState((s) => ({ ...s, steps }));
    setKeys(nextKeys);
  };
  function move(i: number, by: -1 | 1) {
    const j = i + by;
    const steps = [...state.steps];
    const ks = [...keys];
    [steps[i], steps[j]] = [steps[j], steps[i]];
    [ks[i], ks[j]] = [ks[j], ks[i]];
    // Whatever lands first starts the thread.
    steps[0] = { ...steps[0], sameThread: false, condition: steps[0].condition === "always" || steps[0].condition === "no_reply" ? steps[0].condition : "no_reply" };
    if (i === 0 || j === 0) steps[1] = { ...steps[1], sameThread: steps[1].sameThread || i === 0 };
    setSteps(steps, ks);
  }
  function remove(i: number) {
    const steps = state.steps.filter((_, k) => k !== i);
    if (i === 0 && steps[0]) steps[0] = { ...steps[0], sameThread: false };
    setSteps(steps, keys.filter((_, k) => k !== i));
  }
  function add() {
    setSteps([...state.steps, newStep(state.steps.length === 0)], [...keys, nextKey.current++]);
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    startTransition(() => save(state));
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sequence" className="grid gap-6">
      <Card>
        <CardContent className="grid gap-4">
          <div className="grid gap-1.5">
            <Label htmlFor="sequence-name">Sequence name</Label>
            <Input id="sequence-name" value={state.name} onChange={(e) => setState((s) => ({ ...s, name: e.target.value }))} maxLength={100} aria-invalid={!!errors?.name} aria-describedby="sequence-name-error" disabled={readOnly} />
            <FieldError id="sequence-name-error" messages={errors?.name} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="sequence-description">Description (optional)</Label>
            <Textarea id="sequence-description" rows={2} value={state.description ?? ""} onChange={(e) => setState((s) => ({ ...s, description: e.target.value }))} aria-invalid={!!errors?.description} disabled={readOnly} />
            <FieldError messages={errors?.description} />
          </div>
        </CardContent>
      </Card>

      <fieldset disabled={readOnly} className="grid min-w-0 gap-6">
        <legend className="sr-only">Steps</legend>
        {state.steps.map((step, i) => (
          <StepCard
            key={keys[i]}
            index={i}
            count={state.steps.length}
            step={step}
            templates={templates}
            errors={errors}
            onChange={(next) => setSteps(state.steps.map((s, k) => (k === i ? next : s)), keys)}
            onMove={(by) => move(i, by)}
            onRemove={() => remove(i)}
          />
        ))}
      </fieldset>
      <FieldError messages={errors?.steps} />

      {readOnly ? null : (
        <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 border-t bg-background/95 py-3 backdrop-blur">
          <Button type="button" variant="outline" onClick={add} disabled={state.steps.length >= MAX_STEPS}>
            <Plus aria-hidden="true" /> Add step
          </Button>
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save sequence"}</Button>
          <span role="status" className="text-sm">
            {result?.ok ? <span className="text-emerald-700 dark:text-emerald-400">Sequence saved.</span> : null}
            {result && !result.ok ? <span className="text-destructive">{result.error}{errors ? ` (${Object.keys(errors).length} ${Object.keys(errors).length === 1 ? "field" : "fields"})` : ""}</span> : null}
          </span>
        </div>
      )}
    </form>
  );
}
