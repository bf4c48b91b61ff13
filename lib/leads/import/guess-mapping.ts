// A first guess at which lead field each CSV column holds; the rep confirms or changes it on the mapping screen.
import type { LeadImportMapping } from "@/db/schema/leads";
import { CUSTOM_PREFIX, customFieldKey, type LeadImportField } from "./lead-import-fields";

// Keys are headers squashed to letters and digits ("E-mail Address" → "emailaddress").
const SYNONYMS: Record<string, LeadImportField> = {
  email: "email", emailaddress: "email", mail: "email", workemail: "email", businessemail: "email",
  firstname: "firstName", givenname: "firstName", forename: "firstName", first: "firstName",
  lastname: "lastName", surname: "lastName", familyname: "lastName", last: "lastName",
  company: "company", companyname: "company", organization: "company", organisation: "company", account: "company", accountname: "company",
  title: "title", jobtitle: "title", position: "title", role: "title",
  phone: "phone", phonenumber: "phone", mobile: "phone", telephone: "phone", tel: "phone",
  website: "website", url: "website", domain: "website", companywebsite: "website", web: "website",
  linkedin: "linkedinUrl", linkedinurl: "linkedinUrl", linkedinprofile: "linkedinUrl",
  city: "city", town: "city",
  country: "country",
  timezone: "timezone", tz: "timezone",
  tags: "tags", tag: "tags", labels: "tags",
};

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Header → field; each lead field is guessed for one column at most (the first), anything else is a custom field. */
export function guessMapping(headers: string[]): LeadImportMapping {
  const taken = new Set<string>();
  const mapping: LeadImportMapping = {};
  for (const header of headers) {
    const field = SYNONYMS[squash(header)];
    if (field && !taken.has(field)) {
      taken.add(field);
      mapping[header] = field;
    } else {
      const base = customFieldKey(header);
      let key = base;
      for (let n = 2; taken.has(`${CUSTOM_PREFIX}${key}`); n++) key = `${base}_${n}`;
      taken.add(`${CUSTOM_PREFIX}${key}`);
      mapping[header] = `${CUSTOM_PREFIX}${key}`;
    }
  }
  return mapping;
}
