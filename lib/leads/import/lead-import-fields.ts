// The lead fields a CSV column can fill, and the mapping values the import understands.
export const LEAD_IMPORT_FIELDS = [
  "email",
  "firstName",
  "lastName",
  "company",
  "title",
  "phone",
  "website",
  "linkedinUrl",
  "city",
  "country",
  "timezone",
  "tags",
] as const;
export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];

export const LEAD_IMPORT_FIELD_LABELS: Record<LeadImportField, string> = {
  email: "Email",
  firstName: "First name",
  lastName: "Last name",
  company: "Company",
  title: "Job title",
  phone: "Phone",
  website: "Website",
  linkedinUrl: "LinkedIn URL",
  city: "City",
  country: "Country",
  timezone: "Time zone",
  tags: "Tags",
};

export const CUSTOM_PREFIX = "custom:";
export const IGNORE = "ignore";

/** "Favourite Colour (2)" → "favourite_colour_2": the key a custom column is stored under in custom_fields. */
export function customFieldKey(header: string): string {
  return (
    header
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 60) || "field"
  );
}

export function isLeadImportField(value: string): value is LeadImportField {
  return (LEAD_IMPORT_FIELDS as readonly string[]).includes(value);
}
