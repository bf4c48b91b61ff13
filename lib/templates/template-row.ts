// The stored form of a template a rep typed: HTML and text bodies, and the variables it uses.
import { AppError } from "@/lib/errors";
import { plainTextToHtml } from "./plain-text-to-html";
import type { TemplateInput } from "./template.schema";
import { templateVariables } from "./template-syntax";

export function templateRow(input: TemplateInput) {
  return {
    name: input.name,
    subject: input.subject.trim(),
    bodyText: input.body,
    bodyHtml: plainTextToHtml(input.body),
    variables: templateVariables(`${input.subject}\n${input.body}`).map((v) => v.name),
  };
}

/** Postgres' unique_violation, however the driver wraps it (drizzle puts the driver's error in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return true;
  }
  return false;
}

export const templateNameTaken = (name: string) =>
  new AppError("conflict", "Please fix the highlighted fields.", { fields: { name: [`Your team already has a template called “${name}”. Pick another name.`] } });
