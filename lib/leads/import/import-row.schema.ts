// One CSV row, after mapping, on its way to becoming a lead: every rule a row must pass, with reasons a rep can act on.
import { z } from "zod";

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} is longer than ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));

/** "acme.com" → "https://acme.com"; null for blank; a reason for anything that is not a web address. */
function normaliseUrl(label: string) {
  return text(label, 500).transform((v, ctx) => {
    if (v === null) return null;
    try {
      const url = new URL(/^https?:\/\//i.test(v) ? v : `https://${v}`);
      if (!url.hostname.includes(".") || /\s/.test(v)) throw new Error("no host");
      const out = url.toString();
      return url.pathname === "/" && !url.search && !url.hash ? out.replace(/\/$/, "") : out;
    } catch {
      ctx.addIssue({ code: "custom", message: `${label} "${v}" is not a web address` });
      return z.NEVER;
    }
  });
}

/** The canonical IANA name ("europe/london" → "Europe/London"); offsets and abbreviations are refused. */
export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*$/.test(value) || /^(?:GMT|UTC)[+-]/i.test(value)) return null;
  try {
    const zone = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
    return zone === "UTC" || zone.includes("/") ? zone : null;
  } catch {
    return null;
  }
}

/** "vip; q3 , vip" → ["vip", "q3"]: a cell of the tags column, or the tags a rep adds to a whole import. */
export const tagListSchema = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const list = [...new Set((v ?? "").split(/[,;]/).map((t) => t.trim()).filter(Boolean))];
    if (list.length > 20) ctx.addIssue({ code: "custom", message: "more than 20 tags" });
    const long = list.find((t) => t.length > 50);
    if (long) ctx.addIssue({ code: "custom", message: `tag "${long.slice(0, 20)}…" is longer than 50 characters` });
    return list;
  });

export const importRowSchema = z.object({
  email: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const email = (v ?? "").trim().toLowerCase();
      const problem = !email
        ? "email is missing"
        : email.length > 254
          ? "email is longer than 254 characters"
          : !z.email().safeParse(email).success
            ? `"${(v ?? "").trim().slice(0, 100)}" is not a valid email address`
            : null;
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
      return email;
    }),
  firstName: text("first name", 200),
  lastName: text("last name", 200),
  company: text("company", 300),
  title: text("job title", 300),
  phone: text("phone", 50),
  website: normaliseUrl("website"),
  linkedinUrl: normaliseUrl("LinkedIn URL"),
  city: text("city", 200),
  country: text("country", 200),
  timezone: text("time zone", 100).transform((v, ctx) => {
    if (v === null) return null;
    const zone = canonicalTimeZone(v);
    if (!zone) {
      ctx.addIssue({ code: "custom", message: `time zone "${v}" is not an IANA zone such as Europe/London` });
      return z.NEVER;
    }
    return zone;
  }),
  tags: tagListSchema,
  customFields: z.record(z.string(), z.string().max(2000, "a custom field is longer than 2,000 characters")),
});
export type ImportRowInput = z.input<typeof importRowSchema>;
export type ImportRow = z.output<typeof importRowSchema>;

/** The reason a rejected row is shown with: every problem, in column order. */
export function rowRejectionReason(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.message))].join("; ");
}
