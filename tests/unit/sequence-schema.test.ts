import { describe, expect, it } from "vitest";
import { sequenceSchema, type SequenceFormState } from "@/lib/sequences/sequence.schema";

type Step = SequenceFormState["steps"][number];
const variant = (label: "A" | "B" | "C" | "D" | "E" = "A", extra: Partial<Step["variants"][number]> = {}) => ({ label, subject: "Quick question", body: "Hi {{first_name|there}}", weight: 1, ...extra });
const step = (extra: Partial<Step> = {}): Step => ({ delay: 2, delayUnit: "days", businessDays: false, condition: "no_reply", sameThread: true, variants: [variant()], ...extra });
const first = (extra: Partial<Step> = {}) => step({ delay: 0, sameThread: false, ...extra });

function errorsOf(state: SequenceFormState) {
  const r = sequenceSchema.safeParse(state);
  const fields: Record<string, string[]> = {};
  // The same keys teamAction hands the form: the dotted path of each field.
  if (!r.success) for (const issue of r.error.issues) (fields[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return fields;
}

describe("sequence schema", () => {
  it("accepts a three-step sequence with an A/B step", () => {
    const r = sequenceSchema.safeParse({ name: "Outbound", steps: [first(), step({ variants: [variant("A"), variant("B", { subject: "", weight: 2 })] }), step({ sameThread: false })] });
    expect(r.success).toBe(true);
  });

  it("needs a name and at least one step", () => {
    expect(errorsOf({ name: " ", steps: [] })).toEqual({ name: ["Give the sequence a name."], steps: ["Add at least one step."] });
  });

  it("allows at most 20 steps and 5 variants", () => {
    expect(errorsOf({ name: "x", steps: [first(), ...Array.from({ length: 20 }, () => step())] }).steps).toEqual(["A sequence has at most 20 steps."]);
    const six = ["A", "B", "C", "D", "E", "A"].map((l) => variant(l as "A"));
    expect(errorsOf({ name: "x", steps: [first(), step({ variants: six })] })["steps.1.variants"]).toEqual(["At most 5 variants (A–E) per step."]);
  });

  it("refuses opened/clicked conditions and a same-thread flag on the first step", () => {
    const e = errorsOf({ name: "x", steps: [first({ condition: "opened", sameThread: true })] });
    expect(e["steps.0.condition"]?.[0]).toMatch(/first email can only be sent “Always” or “No reply yet”/);
    expect(e["steps.0.sameThread"]).toEqual(["The first email starts the thread: untick “Same thread”."]);
    expect(errorsOf({ name: "x", steps: [first({ condition: "always" }), step({ condition: "clicked" })] })).toEqual({});
  });

  it("needs a subject on every variant of the first step and of a new-thread step, but not of a same-thread step", () => {
    const e = errorsOf({ name: "x", steps: [first({ variants: [variant("A", { subject: "" })] }), step({ sameThread: false, variants: [variant("A"), variant("B", { subject: " " })] }), step({ variants: [variant("A", { subject: "" })] })] });
    expect(e).toEqual({
      "steps.0.variants.0.subject": ["The first email needs a subject."],
      "steps.1.variants.1.subject": ["A step in a new thread needs a subject; or tick “Same thread” to reply under the previous subject."],
    });
  });

  it("needs a body, a weight above 0 somewhere, and unique labels", () => {
    const e = errorsOf({ name: "x", steps: [first(), step({ variants: [variant("A", { body: "  ", weight: 0 }), variant("A", { weight: 0 })] })] });
    expect(e["steps.1.variants.0.body"]).toEqual(["Write the body of this email."]);
    expect(e["steps.1.variants.1.label"]).toEqual(["Variant A appears twice in this step; give each variant its own letter."]);
    expect(e["steps.1.variants"]).toEqual(["Give at least one variant a weight above 0, or no lead would get this step."]);
  });

  it("keeps delays within 0–365 days and business days to day units", () => {
    expect(errorsOf({ name: "x", steps: [first(), step({ delay: 366 })] })["steps.1.delay"]).toEqual(["Keep the delay within 365 days."]);
    expect(errorsOf({ name: "x", steps: [first(), step({ delay: 9000, delayUnit: "hours" })] })["steps.1.delay"]).toEqual(["Keep the delay within 365 days."]);
    expect(errorsOf({ name: "x", steps: [first(), step({ delay: -1 })] })["steps.1.delay"]).toEqual(["A delay cannot be negative."]);
    expect(errorsOf({ name: "x", steps: [first(), step({ delay: 4, delayUnit: "hours", businessDays: true })] })["steps.1.businessDays"]?.[0]).toMatch(/^Business days count whole days/);
  });

  it("names broken variables and unclosed spintax in a variant", () => {
    const e = errorsOf({ name: "x", steps: [first({ variants: [variant("A", { subject: "{Hi|Hello there", body: "Hi {{first_name, how are you" })] })] });
    expect(e["steps.0.variants.0.subject"]).toEqual(["The spintax “{Hi|Hello there” is never closed: end the choices with }."]);
    expect(e["steps.0.variants.0.body"]?.[0]).toBe("The variable “{{first_name, how are yo…” is never closed: end it with }}.");
  });
});
