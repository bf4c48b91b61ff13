// The values a template can use for one lead: its known fields plus its custom fields.
import type { Lead } from "@/db/schema/leads";
import type { VariableValues } from "./template-variables";

export type LeadVariableSource = Pick<
  Lead,
  | "email"
  | "firstName"
  | "lastName"
  | "company"
  | "title"
  | "phone"
  | "website"
  | "linkedinUrl"
  | "city"
  | "country"
  | "customFields"
>;

/** Custom fields come first so a custom "company" column cannot shadow the lead's own company. */
export function leadVariables(lead: LeadVariableSource, extra: VariableValues = {}): VariableValues {
  const fullName = [lead.firstName, lead.lastName].filter((s) => s && s.trim()).join(" ");
  return {
    ...lead.customFields,
    ...extra,
    email: lead.email,
    first_name: lead.firstName,
    last_name: lead.lastName,
    full_name: fullName,
    name: fullName,
    company: lead.company,
    title: lead.title,
    phone: lead.phone,
    website: lead.website,
    linkedin_url: lead.linkedinUrl,
    city: lead.city,
    country: lead.country,
  };
}
