import { z } from "zod";
import { findTemplateSyntaxProblems } from "./template-syntax";

export const TEMPLATE_BODY_MAX = 20_000;

/** Subject or body text in the template syntax: broken variables or spintax are named, not rendered wrongly. */
export function templateText(what: string, max: number) {
  return z
    .string({ error: `Write the ${what}.` })
    .max(max, `Keep the ${what} under ${max.toLocaleString("en")} characters.`)
    .superRefine((value, ctx) => {
      for (const message of findTemplateSyntaxProblems(value)) ctx.addIssue({ code: "custom", message });
    });
}

export const templateInputSchema = z.object({
  name: z.string({ error: "Give the template a name." }).trim().min(1, "Give the template a name.").max(100, "Keep the name under 100 characters."),
  subject: templateText("subject", 200).refine((s) => s.trim() !== "", "Write a subject line.").refine((s) => !/[\r\n]/.test(s), "A subject is one line."),
  body: templateText("body", TEMPLATE_BODY_MAX).refine((s) => s.trim() !== "", "Write the body of the email."),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const updateTemplateSchema = templateInputSchema.extend({ templateId: z.uuid("That template was not found.") });
export const templateIdSchema = z.object({ templateId: z.uuid("That template was not found.") });

export const previewTemplateSchema = z.object({
  subject: z.string().max(200).default(""),
  body: z.string().max(TEMPLATE_BODY_MAX).default(""),
  // "" = the sample lead.
  leadId: z.union([z.uuid(), z.literal("")]).optional(),
});
export type PreviewTemplateInput = z.infer<typeof previewTemplateSchema>;
