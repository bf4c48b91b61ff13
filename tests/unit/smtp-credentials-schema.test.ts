import { describe, expect, it } from "vitest";
import { imapLogin, mailboxCredentialsSchema, smtpCredentialsSchema } from "@/lib/email/providers/mailbox-credentials";
import { createSmtpMailboxSchema } from "@/lib/mailboxes/create-mailbox.schema";

const smtp = { provider: "smtp" as const, host: "smtp.acme.test", port: 587, secure: false, requireTls: false, username: "rep@acme.test", password: "app-password" };

describe("SMTP credentials with an IMAP block", () => {
  it("accepts SMTP alone, and an IMAP block with or without its own login", () => {
    expect(smtpCredentialsSchema.parse(smtp)).toEqual(smtp);
    const shared = { ...smtp, imap: { host: "imap.acme.test", port: 993, secure: true } };
    expect(mailboxCredentialsSchema.parse(shared)).toEqual(shared);
    const own = { ...smtp, imap: { host: "imap.acme.test", port: 143, secure: false, username: "reader", password: "other" } };
    expect(smtpCredentialsSchema.parse(own)).toEqual(own);
  });

  it("refuses an IMAP block without a host, with a bad port or secure flag, or with empty login fields", () => {
    const bad = [
      { port: 993, secure: true },
      { host: "", port: 993, secure: true },
      { host: "imap.acme.test", port: 0, secure: true },
      { host: "imap.acme.test", port: 70000, secure: true },
      { host: "imap.acme.test", port: "993", secure: true },
      { host: "imap.acme.test", port: 993 },
      { host: "imap.acme.test", port: 993, secure: true, username: "" },
      { host: "imap.acme.test", port: 993, secure: true, password: "" },
    ];
    for (const imap of bad) {
      const result = smtpCredentialsSchema.safeParse({ ...smtp, imap });
      expect(result.success, JSON.stringify(imap)).toBe(false);
      expect(result.error!.issues[0].path[0]).toBe("imap");
    }
  });

  it("fills the IMAP login from SMTP when the block has none of its own", () => {
    expect(imapLogin(smtp)).toBeNull();
    expect(imapLogin({ ...smtp, imap: { host: "imap.acme.test", port: 993, secure: true } })).toEqual({ host: "imap.acme.test", port: 993, secure: true, username: "rep@acme.test", password: "app-password" });
    expect(imapLogin({ ...smtp, imap: { host: "imap.acme.test", port: 993, secure: true, username: "reader", password: "other" } })).toMatchObject({ username: "reader", password: "other" });
  });
});

describe("SMTP mailbox form: incoming mail fields", () => {
  const form = { email: "rep@acme.test", smtpHost: "smtp.acme.test", smtpPort: "587", smtpUser: "rep", smtpPassword: "pw" };

  it("treats an empty IMAP host as no IMAP, whatever the port field holds", () => {
    const parsed = createSmtpMailboxSchema.parse({ ...form, imapHost: "  ", imapPort: "993", imapSecure: "on" });
    expect(parsed.imapHost).toBeUndefined();
  });

  it("reads host, port and the TLS checkbox", () => {
    expect(createSmtpMailboxSchema.parse({ ...form, imapHost: " imap.acme.test ", imapPort: "993", imapSecure: "on" })).toMatchObject({ imapHost: "imap.acme.test", imapPort: 993, imapSecure: true });
    expect(createSmtpMailboxSchema.parse({ ...form, imapHost: "imap.acme.test", imapPort: "143" })).toMatchObject({ imapHost: "imap.acme.test", imapPort: 143 });
  });

  it("explains a bad IMAP port on its field", () => {
    const result = createSmtpMailboxSchema.safeParse({ ...form, imapHost: "imap.acme.test", imapPort: "99999" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["imapPort"]);
  });
});
