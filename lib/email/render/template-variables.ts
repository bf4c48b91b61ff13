// `{{first_name|there}}`: a lead value, or the fallback after "|" when the value is empty.
import { escapeHtml } from "./html-entities";

export type VariableValues = Readonly<Record<string, string | number | boolean | null | undefined>>;
/** html: values are HTML-escaped. header: line breaks become spaces (a subject is one line). text: as is. */
export type RenderMode = "html" | "text" | "header";

const VARIABLE = /\{\{\s*([^{}|]+?)\s*(?:\|([^{}]*))?\}\}/g;

/** "First Name", "first-name" and "FIRST_NAME" all mean first_name. */
export function normalizeVariableName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

function present(value: VariableValues[string]): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value);
  return s.trim() === "" ? null : s;
}

/**
 * Replaces every variable. A variable with no value and no fallback is collected in `missing` (and left as
 * written), so the caller can refuse the whole message instead of sending "Hi ,".
 */
export function renderVariables(
  template: string,
  { values, mode }: { values: VariableValues; mode: RenderMode },
): { output: string; missing: string[] } {
  const lookup = new Map<string, VariableValues[string]>();
  for (const [k, v] of Object.entries(values)) lookup.set(normalizeVariableName(k), v);
  const missing = new Set<string>();
  const output = template.replace(VARIABLE, (whole, rawName: string, fallback: string | undefined) => {
    const name = normalizeVariableName(rawName);
    const value = present(lookup.get(name));
    if (value === null) {
      if (fallback === undefined) {
        missing.add(name);
        return whole;
      }
      // The fallback is the author's own template text (already HTML in an HTML body): not escaped again.
      // Trimmed, so "{{ first_name | there }}" reads like "{{first_name|there}}".
      const text = fallback.trim();
      return mode === "header" ? text.replace(/[\r\n]+/g, " ") : text;
    }
    if (mode === "html") return escapeHtml(value);
    if (mode === "header") return value.replace(/[\r\n]+/g, " ");
    return value;
  });
  return { output, missing: [...missing] };
}
