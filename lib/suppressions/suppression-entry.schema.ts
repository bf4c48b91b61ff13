import { z } from "zod";

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** One line a person types or imports: "ada@acme.com" is an address, "acme.com" or "@acme.com" a whole domain. */
export const suppressionEntrySchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    if (v.includes("@") && !v.startsWith("@")) {
      if (!z.email().safeParse(v).success) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a valid email address.` });
        return z.NEVER;
      }
      return { kind: "address" as const, value: v };
    }
    const domain = v.replace(/^@/, "");
    if (!DOMAIN.test(domain)) {
      ctx.addIssue({ code: "custom", message: `"${v}" is neither an email address nor a domain.` });
      return z.NEVER;
    }
    return { kind: "domain" as const, value: domain };
  });
export type SuppressionEntry = z.output<typeof suppressionEntrySchema>;

/** Pasted text or an uploaded CSV: one entry per line, first column; a header row and blank lines are skipped. */
export function parseSuppressionList(text: string): { entries: SuppressionEntry[]; errors: string[] } {
  const entries: SuppressionEntry[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const first = line.split(/[,;\t]/)[0].replace(/^"|"$/g, "").trim();
    if (!first || (i === 0 && /^(email|address|value|domain)$/i.test(first))) return;
    const parsed = suppressionEntrySchema.safeParse(first);
    if (parsed.success) entries.push(parsed.data);
    else errors.push(`Line ${i + 1}: ${parsed.error.issues[0].message}`);
  });
  return { entries, errors };
}

export const addSuppressionsSchema = z.object({
  entries: z.string().max(2_000_000, "That list is too long for one import; split it into files under 2 MB."),
});
export const removeSuppressionSchema = z.object({ suppressionId: z.uuid() });
