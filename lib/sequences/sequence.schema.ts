// The whole sequence builder's state, validated at once; every message carries the path of the field it is about.
import { z } from "zod";
import { TEMPLATE_BODY_MAX, templateText } from "@/lib/templates/template.schema";

export const MAX_STEPS = 20;
export const VARIANT_LABELS = ["A", "B", "C", "D", "E"] as const;
export const MAX_VARIANTS = VARIANT_LABELS.length;
export const MAX_DELAY_DAYS = 365;
export const STEP_CONDITIONS = ["always", "no_reply", "opened", "not_opened", "clicked"] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

export const CONDITION_LABELS: Record<StepCondition, string> = {
  always: "Always",
  no_reply: "No reply yet",
  opened: "Opened an earlier email",
  not_opened: "Did not open",
  clicked: "Clicked a link",
};

const checkbox = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).transform((v) => v === true || v === "on" || v === "true");

export const variantSchema = z.object({
  label: z.enum(VARIANT_LABELS, { error: "Variants are labelled A to E." }),
  subject: templateText("subject", 200).refine((s) => !/[\r\n]/.test(s), "A subject is one line.").default(""),
  body: templateText("body", TEMPLATE_BODY_MAX).refine((s) => s.trim() !== "", "Write the body of this email."),
  weight: z.coerce.number({ error: "Enter a weight from 0 to 100." }).int("Use a whole number for the weight.").min(0, "A weight cannot be negative.").max(100, "Keep the weight at 100 or below."),
  templateId: z.union([z.uuid(), z.literal(""), z.null()]).optional().transform((v) => v || null),
});

export const stepSchema = z.object({
  delay: z.coerce.number({ error: "Enter a delay." }).int("Use a whole number for the delay.").min(0, "A delay cannot be negative."),
  delayUnit: z.enum(["hours", "days"], { error: "Choose hours or days." }),
  businessDays: checkbox.default(false),
  condition: z.enum(STEP_CONDITIONS, { error: "Choose when this step is sent." }).default("no_reply"),
  sameThread: checkbox.default(true),
  variants: z.array(variantSchema).min(1, "Add at least one variant.").max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants (A–E) per step.`),
});

export const sequenceSchema = z
  .object({
    sequenceId: z.union([z.uuid(), z.literal("")]).optional().transform((v) => v || undefined),
    name: z.string({ error: "Give the sequence a name." }).trim().min(1, "Give the sequence a name.").max(100, "Keep the name under 100 characters."),
    description: z.string().trim().max(500, "Keep the description under 500 characters.").optional().transform((v) => v || null),
    steps: z.array(stepSchema).min(1, "Add at least one step.").max(MAX_STEPS, `A sequence has at most ${MAX_STEPS} steps.`),
  })
  .superRefine((seq, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    seq.steps.forEach((step, i) => {
      const at = ["steps", i];
      const days = step.delayUnit === "days" ? step.delay : step.delay / 24;
      if (days > MAX_DELAY_DAYS) issue([...at, "delay"], `Keep the delay within ${MAX_DELAY_DAYS} days.`);
      if (step.businessDays && step.delayUnit !== "days") issue([...at, "businessDays"], "Business days count whole days: switch the unit to days, or untick “Business days only”.");
      if (i === 0) {
        if (step.condition !== "always" && step.condition !== "no_reply") {
          issue([...at, "condition"], "The first email can only be sent “Always” or “No reply yet”: nothing has been sent that could be opened or clicked.");
        }
        if (step.sameThread) issue([...at, "sameThread"], "The first email starts the thread: untick “Same thread”.");
      }
      const seen = new Set<string>();
      step.variants.forEach((v, j) => {
        if (seen.has(v.label)) issue([...at, "variants", j, "label"], `Variant ${v.label} appears twice in this step; give each variant its own letter.`);
        seen.add(v.label);
        if ((i === 0 || !step.sameThread) && v.subject.trim() === "") {
          issue([...at, "variants", j, "subject"], i === 0 ? "The first email needs a subject." : "A step in a new thread needs a subject; or tick “Same thread” to reply under the previous subject.");
        }
      });
      if (step.variants.length > 0 && step.variants.every((v) => v.weight === 0)) {
        issue([...at, "variants"], "Give at least one variant a weight above 0, or no lead would get this step.");
      }
    });
  });

export type SequenceInput = z.infer<typeof sequenceSchema>;
export type SequenceFormState = z.input<typeof sequenceSchema>;
export type StepInput = z.infer<typeof stepSchema>;

export const sequenceIdSchema = z.object({ sequenceId: z.uuid("That sequence was not found.") });

/** Builder delay → stored minutes. */
export function delayToMinutes(step: { delay: number; delayUnit: "hours" | "days" }): number {
  return step.delay * (step.delayUnit === "days" ? 1440 : 60);
}

/** Stored minutes → the builder's delay: whole days as days, anything else as hours. */
export function minutesToDelay(minutes: number, businessDays: boolean): { delay: number; delayUnit: "hours" | "days" } {
  if (businessDays || minutes % 1440 === 0) return { delay: Math.round(minutes / 1440), delayUnit: "days" };
  return { delay: Math.round(minutes / 60), delayUnit: "hours" };
}
