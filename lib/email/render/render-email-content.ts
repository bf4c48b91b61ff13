// One email's subject and bodies for one lead: spintax (seeded by the email id), then variables.
import { AppError } from "@/lib/errors";
import { renderSpintax } from "./spintax";
import { renderVariables, type VariableValues } from "./template-variables";

export type EmailContentTemplate = { subject: string; html: string; text?: string | null };
export type RenderedEmailContent = { subject: string; html: string; text: string | null };

/**
 * Spintax runs first so a lead's value containing "{a|b}" is never spun. The subject has its own seed so its
 * choices do not shift the body's; the HTML and text bodies share one, so the same spintax in both picks alike.
 * Throws invalid_input naming every missing variable.
 */
export function renderEmailContent({
  template,
  values,
  seed,
}: {
  template: EmailContentTemplate;
  values: VariableValues;
  /** Stable per message (the email id): retries render identically. */
  seed: string;
}): RenderedEmailContent {
  const subject = renderVariables(renderSpintax(template.subject, `${seed}:subject`), { values, mode: "header" });
  const html = renderVariables(renderSpintax(template.html, `${seed}:body`), { values, mode: "html" });
  const text = template.text
    ? renderVariables(renderSpintax(template.text, `${seed}:body`), { values, mode: "text" })
    : null;
  const missing = [...new Set([...subject.missing, ...html.missing, ...(text?.missing ?? [])])];
  if (missing.length > 0) {
    const list = missing.map((m) => `{{${m}}}`).join(", ");
    throw new AppError(
      "invalid_input",
      `This email uses ${list} but the lead has no value for ${missing.length === 1 ? "it" : "them"}. ` +
        `Fill in the lead, or add a fallback such as {{${missing[0]}|there}}.`,
      { fields: { variables: missing } },
    );
  }
  return { subject: subject.output, html: html.output, text: text?.output ?? null };
}
