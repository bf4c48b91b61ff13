import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { leadVariables } from "@/lib/email/render/lead-variables";
import { renderEmailContent } from "@/lib/email/render/render-email-content";
import { renderSpintax } from "@/lib/email/render/spintax";
import { renderVariables } from "@/lib/email/render/template-variables";

const lead = {
  email: "grace@example.org",
  firstName: "Grace",
  lastName: "Hopper",
  company: "Hopper & <Labs>",
  title: null,
  phone: null,
  website: null,
  linkedinUrl: null,
  city: "   ",
  country: null,
  customFields: { "Company Size": 250, pain_point: "slow \"builds\"" },
};

describe("renderVariables", () => {
  it("uses the value when present and the fallback when empty or blank", () => {
    const values = leadVariables(lead);
    expect(renderVariables("Hi {{first_name|there}}, {{city|your city}}", { values, mode: "text" }).output).toBe("Hi Grace, your city");
    expect(renderVariables("Hi {{ title | friend }}!", { values, mode: "text" }).output).toBe("Hi friend!");
    expect(renderVariables("Hi {{title|}}!", { values, mode: "text" }).output).toBe("Hi !");
  });

  it("matches keys case-insensitively, including custom fields written with spaces", () => {
    const values = leadVariables(lead);
    expect(renderVariables("{{First_Name}} {{LAST-NAME}} at {{company size}} / {{Pain_Point}}", { values, mode: "text" }).output).toBe(
      'Grace Hopper at 250 / slow "builds"',
    );
  });

  it("HTML-escapes lead values in HTML bodies but not in text, and keeps a subject on one line", () => {
    const values = { ...leadVariables(lead), note: "a\r\nb" };
    expect(renderVariables("<p>{{company}}</p>", { values, mode: "html" }).output).toBe("<p>Hopper &amp; &lt;Labs&gt;</p>");
    expect(renderVariables("{{company}}", { values, mode: "text" }).output).toBe("Hopper & <Labs>");
    expect(renderVariables("Re: {{note}}", { values, mode: "header" }).output).toBe("Re: a b");
  });

  it("reports each missing variable once instead of rendering an empty value", () => {
    const r = renderVariables("Hi {{nickname}}, {{nickname}} and {{Title}}", { values: leadVariables(lead), mode: "text" });
    expect(r.missing.sort()).toEqual(["nickname", "title"]);
  });
});

describe("renderSpintax", () => {
  it("picks one option per group, nested groups included, and keeps variables intact", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(renderSpintax("{Hi|Hello {{first_name|there}}|{Hey|Yo}} team", `email-${i}`));
    expect(seen).toEqual(new Set(["Hi team", "Hello {{first_name|there}} team", "Hey team", "Yo team"]));
  });

  it("is deterministic for a seed, so a retried send renders the same words", () => {
    const t = "{Hi|Hello|Hey} {there|friend}, {quick|short} {question|note}";
    const a = renderSpintax(t, "0b6f3c1e-email-id");
    for (let i = 0; i < 20; i++) expect(renderSpintax(t, "0b6f3c1e-email-id")).toBe(a);
    const variety = new Set(Array.from({ length: 50 }, (_, i) => renderSpintax(t, `seed-${i}`)));
    expect(variety.size).toBeGreaterThan(5);
  });

  it("leaves braces that are not spintax alone: single words, CSS, unclosed groups", () => {
    expect(renderSpintax("{word} and <style>p { color: red }</style> and {open", "s")).toBe("{word} and <style>p { color: red }</style> and {open");
  });
});

describe("renderEmailContent", () => {
  it("renders subject, HTML and text for a lead, with the same spintax picks in HTML and text", () => {
    const out = renderEmailContent({
      template: { subject: "{Quick|Short} question, {{first_name}}", html: "<p>{A|B|C|D} {{company}}</p>", text: "{A|B|C|D} {{company}}" },
      values: leadVariables(lead),
      seed: "email-1",
    });
    expect(out.subject).toMatch(/^(Quick|Short) question, Grace$/);
    expect(out.html).toMatch(/^<p>[ABCD] Hopper &amp; &lt;Labs&gt;<\/p>$/);
    expect(out.text).toBe(out.html.replace(/<\/?p>/g, "").replace("&amp; &lt;Labs&gt;", "& <Labs>"));
  });

  it("refuses with invalid_input listing every missing variable rather than sending 'Hi ,'", () => {
    let error: unknown;
    try {
      renderEmailContent({ template: { subject: "For {{title}}", html: "<p>Hi {{nickname}}, {{first_name}}</p>" }, values: leadVariables(lead), seed: "x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_input");
    expect((error as AppError).fields?.variables?.sort()).toEqual(["nickname", "title"]);
    expect((error as AppError).message).toContain("{{title}}");
    expect((error as AppError).message).toContain("{{nickname}}");
  });
});
