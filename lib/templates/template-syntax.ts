// Checks the one template syntax (lib/email/render): `{{variable|fallback}}` and `{spin|tax}`, naming each problem.
import { normalizeVariableName } from "@/lib/email/render/template-variables";

/** Every variable lib/email/render/lead-variables.ts fills from a lead's own fields. */
export const LEAD_VARIABLE_NAMES = [
  "email", "first_name", "last_name", "full_name", "name", "company", "title", "phone", "website", "linkedin_url", "city", "country",
] as const;

export type TemplateVariable = { name: string; hasFallback: boolean };

const snippet = (text: string, at: number) => {
  const s = text.slice(at, at + 24).split("\n")[0];
  return s.length < text.length - at ? `${s}…` : s;
};

/** The variables a template uses, in order of first use (normalised names). */
export function templateVariables(text: string): TemplateVariable[] {
  const found = new Map<string, TemplateVariable>();
  for (const m of text.matchAll(/\{\{\s*([^{}|]+?)\s*(\|[^{}]*)?\}\}/g)) {
    const name = normalizeVariableName(m[1]);
    const prev = found.get(name);
    // A name counts as covered only if every use has a fallback.
    found.set(name, { name, hasFallback: (prev?.hasFallback ?? true) && m[2] !== undefined });
  }
  return [...found.values()];
}

/** Unclosed or empty variables and unclosed spintax groups, each described so a rep can find and fix it. */
export function findTemplateSyntaxProblems(text: string): string[] {
  const problems: string[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("{{", i)) {
      const close = text.indexOf("}}", i + 2);
      const inner = close < 0 ? null : text.slice(i + 2, close);
      if (inner === null || /[{\n]/.test(inner)) {
        problems.push(`The variable “${snippet(text, i)}” is never closed: end it with }}.`);
        plain += " ";
        i += 2;
        continue;
      }
      if (inner.split("|")[0].trim() === "") problems.push(`“{{${inner}}}” has no variable name, e.g. {{first_name|there}}.`);
      plain += " ".repeat(close + 2 - i);
      i = close + 2;
      continue;
    }
    plain += text[i];
    i++;
  }
  // Spintax: a "{" group containing "|" must close; a lone "{word" or CSS brace is plain text, as the renderer treats it.
  const open: { at: number; choice: boolean }[] = [];
  for (let j = 0; j < plain.length; j++) {
    const ch = plain[j];
    if (ch === "{") open.push({ at: j, choice: false });
    else if (ch === "|" && open.length > 0) open[open.length - 1].choice = true;
    else if (ch === "}") open.pop();
  }
  for (const g of open) if (g.choice) problems.push(`The spintax “${snippet(text, g.at)}” is never closed: end the choices with }.`);
  return problems;
}

/** Variables with no fallback that no lead can fill: not a lead field and not one of the team's custom fields. */
export function unknownVariables(text: string, customFieldNames: Iterable<string>): string[] {
  const known = new Set<string>([...LEAD_VARIABLE_NAMES, ...[...customFieldNames].map(normalizeVariableName)]);
  return templateVariables(text).filter((v) => !v.hasFallback && !known.has(v.name)).map((v) => v.name);
}

export function unknownVariablesMessage(names: string[]): string {
  const list = names.map((n) => `{{${n}}}`).join(", ");
  return `${list} ${names.length === 1 ? "is" : "are"} not a lead field. Use one from “Insert variable”, or add a fallback such as {{${names[0]}|there}}.`;
}
