import { describe, expect, it } from "vitest";
import { guessMapping } from "@/lib/leads/import/guess-mapping";
import { importRowSchema, rowRejectionReason } from "@/lib/leads/import/import-row.schema";
import { mapCsvRow, planColumns } from "@/lib/leads/import/map-csv-row";
import { checkMapping } from "@/lib/leads/import/start-lead-import";
import { csvRow } from "@/lib/leads/csv-cell";

describe("lead import mapping and rows", () => {
  it("guesses lead fields from common header spellings and keeps the rest as custom fields", () => {
    const mapping = guessMapping([
      "E-mail Address", "Given Name", "Surname", "Organization", "Job Title", "Phone Number", "Domain", "LinkedIn", "City", "Country", "Time Zone", "Tags", "Favourite Colour", "favourite colour!", "Email",
    ]);
    expect(mapping).toEqual({
      "E-mail Address": "email",
      "Given Name": "firstName",
      Surname: "lastName",
      Organization: "company",
      "Job Title": "title",
      "Phone Number": "phone",
      Domain: "website",
      LinkedIn: "linkedinUrl",
      City: "city",
      Country: "country",
      "Time Zone": "timezone",
      Tags: "tags",
      "Favourite Colour": "custom:favourite_colour",
      "favourite colour!": "custom:favourite_colour_2",
      // A second email column is not a second address: it is kept, as a custom field.
      Email: "custom:email",
    });
    expect(guessMapping(["email", "first name", "position", "account", "url", "timezone"])).toMatchObject({
      email: "email", "first name": "firstName", position: "title", account: "company", url: "website", timezone: "timezone",
    });
  });

  it("normalises a valid row: lower-cased email, website with a scheme, canonical zone, split tags, custom fields", () => {
    const plan = planColumns(["Email", "Web", "TZ", "Tags", "Shoe size", "Skip"], { Email: "email", Web: "website", TZ: "timezone", Tags: "tags", "Shoe size": "custom:shoe_size", Skip: "ignore" });
    const parsed = importRowSchema.parse(mapCsvRow(["  Ada@Example.COM ", "acme.com", "europe/london", "vip; q3, vip", " 42 ", "x"], plan));
    expect(parsed).toMatchObject({ email: "ada@example.com", website: "https://acme.com", timezone: "Europe/London", tags: ["vip", "q3"], customFields: { shoe_size: "42" } });
    expect(parsed.firstName).toBeNull();
  });

  it("gives reasons a rep can act on for a missing or invalid email and a bad time zone", () => {
    const reason = (row: Record<string, string>) => {
      const r = importRowSchema.safeParse({ customFields: {}, ...row });
      return r.success ? null : rowRejectionReason(r.error);
    };
    expect(reason({ email: "" })).toBe("email is missing");
    expect(reason({ email: "not-an-address" })).toBe('"not-an-address" is not a valid email address');
    expect(reason({ email: "a@b.co", timezone: "Mars/Olympus" })).toBe('time zone "Mars/Olympus" is not an IANA zone such as Europe/London');
    expect(reason({ email: "a@b.co", timezone: "+01:00" })).toMatch(/not an IANA zone/);
    expect(reason({ email: "a@b.co", website: "not a site" })).toMatch(/website "not a site" is not a web address/);
    expect(reason({ email: "a@b.co", timezone: "America/Argentina/Buenos_Aires" })).toBeNull();
  });

  it("requires exactly one email column and each lead field at most once", () => {
    expect(checkMapping(["a", "b"], ["firstName", "ignore"])).toEqual({ columns: ["Map one column to Email: every lead needs an address."] });
    expect(checkMapping(["a", "b", "c"], ["email", "email", "ignore"])).toEqual({ "columns.1": ['"a" is already mapped to Email; choose another field or Ignore.'] });
    expect(checkMapping(["a", "b"], ["email", "custom:b"])).toEqual({});
  });

  it("writes CSV cells that a spreadsheet cannot run as formulas", () => {
    expect(csvRow(["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "plain", "a,b"])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),'\tx,plain,"a,b"\r\n`);
  });
});
