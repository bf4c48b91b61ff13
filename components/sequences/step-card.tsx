"use client";
// One step of a sequence: when it is sent (delay, business days, condition), in which thread, and its variants.
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { CONDITION_LABELS, STEP_CONDITIONS, type StepCondition } from "@/lib/sequences/sequence.schema";
import type { TemplateChoice } from "@/lib/templates/list-templates";
import { VariantFields } from "./variant-fields";
import { hasErrorsUnder, newVariant, nextVariantLabel, type BuilderErrors, type BuilderStep, type BuilderVariant } from "./builder-state";

export function StepCard({
  index,
  count,
  step,
  templates,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  step: BuilderStep;
  templates: TemplateChoice[];
  errors?: BuilderErrors;
  onChange: (step: BuilderStep) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const first = index === 0;
  const path = `steps.${index}`;
  const id = `step-${index}`;
  const err = (name: string) => errors?.[`${path}.${name}`];
  const [tab, setTab] = useState<string>(step.variants[0]?.label ?? "A");
  const activeTab = step.variants.some((v) => v.label === tab) ? tab : step.variants[0]?.label;
  const set = (patch: Partial<BuilderStep>) => onChange({ ...step, ...patch });
  const setVariant = (j: number, patch: Partial<BuilderVariant>) => set({ variants: step.variants.map((v, k) => (k === j ? { ...v, ...patch } : v)) });
  const addLabel = nextVariantLabel(step.variants);
  const newThread = first || !step.sameThread;

  return (
    <Card role="region" aria-label={`Step ${index + 1}`} className="gap-4">
      <CardHeader>
        <CardTitle role="heading" aria-level={2}>Step {index + 1}</CardTitle>
        <CardAction className="flex gap-1">
          <Button type="button" variant="ghost" size="icon" aria-label={`Move step ${index + 1} up`} disabled={first} onClick={() => onMove(-1)}><ArrowUp aria-hidden="true" /></Button>
          <Button type="button" variant="ghost" size="icon" aria-label={`Move step ${index + 1} down`} disabled={index === count - 1} onClick={() => onMove(1)}><ArrowDown aria-hidden="true" /></Button>
          <Button type="button" variant="ghost" size="icon" className="text-destructive" aria-label={`Remove step ${index + 1}`} disabled={count === 1} onClick={onRemove}><Trash2 aria-hidden="true" /></Button>
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-3 sm:grid-cols-[6rem_7rem_minmax(0,1fr)] sm:items-end">
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-delay`}>Wait</Label>
            <Input id={`${id}-delay`} type="number" min={0} inputMode="numeric" value={String(step.delay)} onChange={(e) => set({ delay: e.target.value === "" ? "" as unknown as number : Number(e.target.value) })} aria-invalid={!!err("delay")} aria-describedby={`${id}-delay-help`} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-unit`}>Unit</Label>
            <NativeSelect id={`${id}-unit`} value={step.delayUnit} onChange={(e) => set({ delayUnit: e.target.value as "hours" | "days", businessDays: e.target.value === "days" ? step.businessDays : false })}>
              <option value="hours">hours</option>
              <option value="days">days</option>
            </NativeSelect>
          </div>
          <div className="flex h-9 items-center gap-2">
            <Checkbox id={`${id}-business`} checked={step.businessDays === true} disabled={step.delayUnit !== "days"} onCheckedChange={(v) => set({ businessDays: v === true })} aria-invalid={!!err("businessDays")} />
            <Label htmlFor={`${id}-business`} className="font-normal">Business days only</Label>
          </div>
        </div>
        <p id={`${id}-delay-help`} className="-mt-2 text-xs text-muted-foreground">{first ? "after the lead is enrolled" : "after the previous step was sent"}{step.businessDays ? ", counting Monday to Friday" : ""}.</p>
        <FieldError messages={[...(err("delay") ?? []), ...(err("delayUnit") ?? []), ...(err("businessDays") ?? [])]} />

        <div className="grid gap-3 sm:grid-cols-2 sm:items-end">
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-condition`}>Send if</Label>
            <NativeSelect id={`${id}-condition`} value={step.condition ?? "no_reply"} onChange={(e) => set({ condition: e.target.value as StepCondition })} aria-invalid={!!err("condition")} className="w-full">
              {STEP_CONDITIONS.map((c) => <option key={c} value={c} disabled={first && c !== "always" && c !== "no_reply"}>{CONDITION_LABELS[c]}</option>)}
            </NativeSelect>
          </div>
          <div className="flex h-9 items-center gap-2">
            <Checkbox id={`${id}-thread`} checked={!first && step.sameThread === true} disabled={first} onCheckedChange={(v) => set({ sameThread: v === true })} aria-invalid={!!err("sameThread")} aria-describedby={`${id}-thread-help`} />
            <Label htmlFor={`${id}-thread`} className="font-normal">Same thread</Label>
            <span id={`${id}-thread-help`} className="text-xs text-muted-foreground">{first ? "The first email starts the thread." : step.sameThread ? "Sent as a reply, under the previous subject." : "Sent as a new email with its own subject."}</span>
          </div>
        </div>
        <FieldError messages={[...(err("condition") ?? []), ...(err("sameThread") ?? [])]} />

        <Tabs value={activeTab} onValueChange={setTab} className="gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <TabsList aria-label={`Variants of step ${index + 1}`}>
              {step.variants.map((v, j) => (
                <TabsTrigger key={v.label} value={v.label}>
                  Variant {v.label}
                  {hasErrorsUnder(errors, `${path}.variants.${j}`) ? <span className="ml-1 text-destructive" aria-label="has errors">•</span> : null}
                </TabsTrigger>
              ))}
            </TabsList>
            {addLabel ? (
              <Button type="button" variant="outline" size="sm" onClick={() => { set({ variants: [...step.variants, newVariant(addLabel, { subject: step.variants[0]?.subject ?? "" })] }); setTab(addLabel); }}>
                <Plus aria-hidden="true" /> Add variant {addLabel}
              </Button>
            ) : null}
          </div>
          <FieldError messages={[...(err("variants") ?? [])]} />
          {step.variants.map((v, j) => (
            <TabsContent key={v.label} value={v.label}>
              <VariantFields
                id={`${id}-variant-${v.label}`}
                path={`${path}.variants.${j}`}
                variant={v}
                subjectHint={newThread ? "Subject of this email" : "Leave empty to reply under the previous subject"}
                templates={templates}
                errors={errors}
                onChange={(patch) => setVariant(j, patch)}
                onRemove={step.variants.length > 1 ? () => set({ variants: step.variants.filter((_, k) => k !== j) }) : undefined}
              />
            </TabsContent>
          ))}
        </Tabs>
      </CardContent>
    </Card>
  );
}
