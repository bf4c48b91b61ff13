import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { buildMimeMessage } from "@/lib/email/mime/build-mime-message";
import { appendComplianceFooter } from "@/lib/email/mime/compliance-footer";
import { htmlToText } from "@/lib/email/mime/html-to-text";
import { newMessageId, sendingDomain } from "@/lib/email/mime/message-id";
import { rawHeader } from "../support/mail-headers";

describe("htmlToText", () => {
  it("keeps paragraphs, line breaks, lists and link addresses", () => {
    const html = `<html><head><style>p{color:red}</style></head><body><p>Hi Grace,</p><p>See <a href="https://acme.test/pricing?a=1&amp;b=2">our pricing</a>.<br>Thanks</p><ul><li>One</li><li>Two &amp; three</li></ul><a href="mailto:rep@acme.test">rep@acme.test</a></body></html>`;
    expect(htmlToText(html)).toBe("Hi Grace,\n\nSee our pricing (https://acme.test/pricing?a=1&b=2).\nThanks\n\n- One\n- Two & three\n\nrep@acme.test");
  });
});

describe("buildMimeMessage", () => {
  it("builds multipart/alternative with our Message-ID, derived text, threading and one-click unsubscribe headers", async () => {
    const messageId = newMessageId("rep@acme.test");
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@acme\.test>$/);
    const parent = "<first@acme.test>";
    const built = await buildMimeMessage({
      from: { address: "rep@acme.test", name: "Rita Rep" },
      to: ["grace@example.org"],
      subject: "Re: Quick question",
      html: "<p>Following up, Grace.</p>",
      messageId,
      inReplyTo: parent,
      references: ["<zero@acme.test>"],
      listUnsubscribe: { url: "https://app.test/u/TOKEN", mailto: "rep@acme.test" },
    });
    const mail = await simpleParser(built.raw);
    expect(mail.messageId).toBe(messageId);
    expect(mail.inReplyTo).toBe(parent);
    expect(mail.references).toEqual(["<zero@acme.test>", parent]);
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(rawHeader(mail, "List-Unsubscribe")).toBe("<https://app.test/u/TOKEN>, <mailto:rep@acme.test?subject=unsubscribe>");
    expect(rawHeader(mail, "Content-Type")).toMatch(/^multipart\/alternative;/);
    expect(mail.text?.trim()).toBe("Following up, Grace.");
    expect(built.fields.headers["List-Unsubscribe"]).toBe("<https://app.test/u/TOKEN>, <mailto:rep@acme.test?subject=unsubscribe>");
    expect(built.envelope).toEqual({ from: "rep@acme.test", to: ["grace@example.org"] });
  });

  it("refuses header injection and malformed Message-IDs", async () => {
    const base = { from: { address: "rep@acme.test" }, to: ["g@example.org"], html: "<p>x</p>", messageId: "<a@acme.test>" };
    await expect(buildMimeMessage({ ...base, subject: "Hi\r\nBcc: victim@example.org" })).rejects.toBeInstanceOf(AppError);
    await expect(buildMimeMessage({ ...base, subject: "Hi", messageId: "not-an-id" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(sendingDomain("weird")).toBe("localhost");
  });
});

describe("appendComplianceFooter", () => {
  it("refuses campaign mail without a postal address and tells the user where to add it", () => {
    expect(() => appendComplianceFooter({ kind: "campaign", html: "<p>x</p>", text: "x", postalAddress: "  ", unsubscribeUrl: "https://app.test/u/T" })).toThrow(
      /postal address.*Settings/,
    );
  });

  it("adds the escaped address and the unsubscribe link inside </body>, and to the text", () => {
    const out = appendComplianceFooter({ kind: "campaign", html: "<html><body><p>x</p></body></html>", text: "x", postalAddress: "A & B Ltd\n1 Road", unsubscribeUrl: "https://app.test/u/T" });
    expect(out.html).toMatch(/<p>x<\/p><div[^>]*>A &amp; B Ltd<br>1 Road<br><a href="https:\/\/app\.test\/u\/T"[^>]*>Unsubscribe<\/a><\/div><\/body><\/html>$/);
    expect(out.text).toBe("x\n\n--\nA & B Ltd\n1 Road\nUnsubscribe: https://app.test/u/T\n");
  });
});
