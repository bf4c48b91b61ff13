// The builder's editable state (the schema's input shape) and the defaults new steps and variants start from.
import { VARIANT_LABELS, type SequenceFormState } from "@/lib/sequences/sequence.schema";

export type BuilderState = SequenceFormState;
export type BuilderStep = BuilderState["steps"][number];
export type BuilderVariant = BuilderStep["variants"][number];
/** Dotted field path ("steps.1.variants.0.subject") → messages, as the action reports them. */
export type BuilderErrors = Record<string, string[]>;

export function newVariant(label: BuilderVariant["label"], from?: Partial<BuilderVariant>): BuilderVariant {
  return { label, subject: "", body: "", weight: 1, templateId: "", ...from };
}

export function newStep(first: boolean): BuilderStep {
  return first
    ? { delay: 0, delayUnit: "days", businessDays: false, condition: "always", sameThread: false, variants: [newVariant("A")] }
    : { delay: 3, delayUnit: "days", businessDays: true, condition: "no_reply", sameThread: true, variants: [newVariant("A")] };
}

export function nextVariantLabel(variants: readonly BuilderVariant[]): BuilderVariant["label"] | null {
  return VARIANT_LABELS.find((l) => !variants.some((v) => v.label === l)) ?? null;
}

/** Errors under a path prefix, for a badge on a collapsed step or an inactive variant tab. */
export function hasErrorsUnder(errors: BuilderErrors | undefined, prefix: string): boolean {
  return !!errors && Object.keys(errors).some((k) => k === prefix || k.startsWith(`${prefix}.`));
}
