// The fields a rep types for a lead (the "Add lead" dialog and the lead's edit form), validated once here.
import { z } from "zod";
import { leadStatus, type LeadCustomFields } from "@/db/schema/leads";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalText = (label: string, max = 200) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `${label} must be at most ${max} characters.`).nullable().optional());
const optionalUrl = (label: string) =>
  z.preprocess(
    (v) => {
      const s = blankToNull(v);
      // "acme.com" is what people type; store it as a full address.
      return typeof s === "string" && !/^https?:\/\//i.test(s.trim()) ? `https://${s.trim()}` : s;
    },
    z.url({ protocol: /^https?$/, error: `${label} must be a web address like https://acme.com.` }).max(500).nullable().optional(),
  );

/** True for IANA zone names such as Europe/Berlin or UTC (not offsets like +02:00). */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^(UTC|GMT|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "ceo, q3 ,  berlin" or repeated fields → ["ceo", "q3", "berlin"], trimmed, unique. */
const tagsField = z.preprocess(
  (v) => {
    const parts = (Array.isArray(v) ? v : typeof v === "string" ? [v] : []).flatMap((s) => String(s).split(","));
    return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
  },
  z.array(z.string().max(50, "Keep each tag under 50 characters.")).max(30, "A lead can have at most 30 tags."),
);

/** Custom fields as typed in a textarea, one "key: value" (or key=value) per line; an object passes through. */
const customFieldsField = z.preprocess((v, ctx) => {
  if (v === undefined || v === null) return {};
  if (typeof v !== "string") return v;
  const out: LeadCustomFields = {};
  v.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = line.match(/^\s*([^:=]+?)\s*[:=]\s*(.*?)\s*$/);
    if (!m) ctx.addIssue({ code: "custom", message: `Line ${i + 1}: write it as "key: value".` });
    else out[m[1]] = m[2];
  });
  return out;
}, z.record(z.string().min(1).max(100, "Keep custom field names under 100 characters."), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).refine((o) => Object.keys(o).length <= 50, "A lead can have at most 50 custom fields."));

const fields = {
  firstName: optionalText("First name", 100),
  lastName: optionalText("Last name", 100),
  company: optionalText("Company"),
  title: optionalText("Title"),
  phone: optionalText("Phone", 50),
  website: optionalUrl("Website"),
  linkedinUrl: optionalUrl("LinkedIn"),
  city: optionalText("City", 100),
  country: optionalText("Country", 100),
  timezone: z.preprocess(
    blankToNull,
    z.string().trim().refine(isIanaTimeZone, "Use a time zone name like Europe/Berlin or America/New_York.").nullable().optional(),
  ),
  tags: tagsField.optional(),
  customFields: customFieldsField.optional(),
};

export const createLeadSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address, like ada@acme.com.").max(320)),
  ...fields,
});
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

export const updateLeadSchema = z.object({
  leadId: z.uuid(),
  status: z.enum(leadStatus.enumValues, "Pick a status from the list."),
  ...fields,
});
export type UpdateLeadInput = z.infer<typeof updateLeadSchema>;

export const tagLeadsSchema = z.object({
  leadIds: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.uuid()).min(1, "Select at least one lead.").max(500)),
  tag: z.string().trim().min(1, "Type the tag to add or remove.").max(50, "Keep the tag under 50 characters."),
  mode: z.enum(["add", "remove"]),
});
export type TagLeadsInput = z.infer<typeof tagLeadsSchema>;
