import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { trackedLinks } from "@/db/schema/tracking";
import { AppError } from "@/lib/errors";
import { buildOutboundMessage } from "@/lib/email/mime/build-outbound-message";
import { newMessageId } from "@/lib/email/mime/message-id";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import type { SmtpCredentials } from "@/lib/email/providers/mailbox-credentials";
import { createSmtpProvider, verifySmtp } from "@/lib/email/providers/smtp-provider";
import { leadVariables } from "@/lib/email/render/lead-variables";
import { renderEmailContent } from "@/lib/email/render/render-email-content";
import { teamScope } from "@/lib/teams/team-scope";
import { verifyTrackingToken } from "@/lib/tracking/verify-tracking-token";
import { rawHeader } from "../support/mail-headers";
import { createOutboundEmail, createSendingFixture, POSTAL_ADDRESS } from "../support/sending-fixtures";
import { startSmtpTestServer } from "../support/smtp-test-server";

let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
let credentials: SmtpCredentials;
beforeAll(async () => {
  smtp = await startSmtpTestServer({ username: "rita", password: "s3cret-app-password" });
  credentials = { provider: "smtp", host: smtp.host, port: smtp.port, secure: false, requireTls: false, username: "rita", password: "s3cret-app-password" };
});
afterAll(() => smtp.close());

const TEMPLATE = {
  subject: "{Quick|Short} question for {{company}}",
  html: `<html><body><p>Hi {{first_name|there}},</p><p>Our <a href="https://acme.test/pricing?plan=pro&amp;ref=mail">pricing</a> and <a href='https://acme.test/case-study'>a case study</a>.</p><p><a href="mailto:rep@acme.test">Write back</a> or <a href="#top">top</a>.</p></body></html>`,
};

async function sendStep(fx: Awaited<ReturnType<typeof createSendingFixture>>, email: { id: string; messageId: string | null }, thread?: { inReplyTo: string; references: string[] }) {
  const content = renderEmailContent({ template: TEMPLATE, values: leadVariables(fx.lead), seed: email.id });
  const built = await teamScope(fx.team.id, (tx) =>
    buildOutboundMessage({
      tx,
      teamId: fx.team.id,
      emailId: email.id,
      kind: "campaign",
      content,
      from: { address: fx.mailbox.email, name: "Rita Rep" },
      to: [fx.lead.email],
      messageId: email.messageId!,
      inReplyTo: thread?.inReplyTo,
      references: thread?.references,
      postalAddress: fx.team.postalAddress,
      tracking: { opens: true, clicks: true },
    }),
  );
  const result = await createSmtpProvider({ credentials }).send({ message: built, idempotencyKey: `email:${email.id}` });
  return { built, result, received: smtp.received.at(-1)! };
}

describe("campaign mail through a real SMTP server", () => {
  it("delivers both bodies with our Message-ID, one-click unsubscribe headers, signed tracking links and the footer", async () => {
    const fx = await createSendingFixture();
    const { built, result, received } = await sendStep(fx, fx.email);
    const mail = received.parsed;

    expect(received.user).toBe("rita");
    expect(received.envelope).toEqual({ from: fx.mailbox.email, to: [fx.lead.email] });
    expect(result.providerMessageId).toBe(fx.email.messageId);
    expect(mail.messageId).toBe(fx.email.messageId);
    expect(mail.subject).toMatch(/^(Quick|Short) question for Hopper Labs$/);

    const unsubscribe = rawHeader(mail, "List-Unsubscribe")!;
    const [, httpsTarget, mailtoTarget] = /^<(https:\/\/[^>]+|http:\/\/[^>]+)>, <(mailto:[^>]+)>$/.exec(unsubscribe) ?? [];
    expect(mailtoTarget).toBe(`mailto:${fx.mailbox.email}?subject=unsubscribe`);
    expect(httpsTarget).toBe(built.unsubscribeUrl);
    expect(verifyTrackingToken(httpsTarget.split("/u/")[1], "unsubscribe")).toEqual({ kind: "unsubscribe", teamId: fx.team.id, emailId: fx.email.id });
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // HTML: every web link is a signed click URL whose row holds the original destination.
    const html = mail.html as string;
    const clickTokens = [...html.matchAll(/href="http:\/\/localhost:3000\/t\/c\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1]);
    expect(clickTokens).toHaveLength(2);
    const rows = await (await getDb()).select().from(trackedLinks).where(eq(trackedLinks.emailId, fx.email.id));
    const destinations = clickTokens.map((t) => {
      const payload = verifyTrackingToken(t, "click");
      expect(payload).toMatchObject({ teamId: fx.team.id, emailId: fx.email.id });
      return rows.find((r) => r.id === payload!.linkId)?.destinationUrl;
    });
    expect(destinations).toEqual(["https://acme.test/pricing?plan=pro&ref=mail", "https://acme.test/case-study"]);
    expect(html).not.toContain("https://acme.test/pricing");
    expect(html).toContain('href="mailto:rep@acme.test"');
    expect(html).toContain('href="#top"');
    expect(html).toContain(`href="${built.unsubscribeUrl}"`);
    const pixel = /<img src="http:\/\/localhost:3000\/t\/o\/([A-Za-z0-9_-]+)"/.exec(html)?.[1];
    expect(verifyTrackingToken(pixel!, "open")).toEqual({ kind: "open", teamId: fx.team.id, emailId: fx.email.id });
    expect(html).toContain("Acme Robotics Inc.<br>500 Market Street, Suite 2<br>San Francisco, CA 94105");
    expect(html).toMatch(/<\/div><img [^>]+\/><\/body>/);

    // Text: derived from the HTML, readable destinations, the footer with address and unsubscribe link.
    const text = mail.text!;
    expect(text).toContain("Hi Grace,");
    expect(text).toContain("pricing (https://acme.test/pricing?plan=pro&ref=mail)");
    expect(text).toContain(POSTAL_ADDRESS);
    expect(text).toContain(`Unsubscribe: ${built.unsubscribeUrl}`);
    expect(text).not.toContain("/t/o/");
  });

  it("threads a follow-up with In-Reply-To and References, and a retry rebuilds the identical message", async () => {
    const fx = await createSendingFixture();
    const first = await sendStep(fx, fx.email);
    const followUp = await createOutboundEmail({ teamId: fx.team.id, leadId: fx.lead.id, to: fx.lead.email, mailbox: fx.mailbox, campaignId: fx.campaigns.active.id, enrolmentId: fx.enrolments[0].id, stepPosition: 1 });
    const thread = { inReplyTo: fx.email.messageId!, references: [] };
    const second = await sendStep(fx, followUp, thread);
    expect(second.received.parsed.inReplyTo).toBe(fx.email.messageId);
    expect(second.received.parsed.references).toBe(fx.email.messageId);
    expect(second.received.parsed.messageId).toBe(followUp.messageId);
    expect(second.received.parsed.messageId).not.toBe(first.received.parsed.messageId);

    // A retried send step: same tracked link rows, same click URLs, same subject.
    const retry = await sendStep(fx, followUp, thread);
    expect(retry.built.trackedLinks).toEqual(second.built.trackedLinks);
    expect(retry.built.fields.html).toBe(second.built.fields.html);
    expect(retry.built.fields.subject).toBe(second.built.fields.subject);
    const rows = await (await getDb()).select().from(trackedLinks).where(eq(trackedLinks.emailId, followUp.id));
    expect(rows).toHaveLength(2);
  });

  it("refuses to build campaign mail without the team's postal address, and stores no tracked links", async () => {
    const fx = await createSendingFixture({ postalAddress: null });
    const error = await sendStep(fx, fx.email).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_input");
    expect((error as AppError).message).toMatch(/postal address.*Settings/);
    expect(await (await getDb()).select().from(trackedLinks).where(eq(trackedLinks.emailId, fx.email.id))).toHaveLength(0);
  });

  it("refuses javascript: and protocol-relative links before anything is stored or sent", async () => {
    const fx = await createSendingFixture();
    const before = smtp.received.length;
    for (const href of ["javascript:alert(document.cookie)", "//evil.example/login"]) {
      const error = await teamScope(fx.team.id, (tx) =>
        buildOutboundMessage({
          tx,
          teamId: fx.team.id,
          emailId: fx.email.id,
          kind: "campaign",
          content: { subject: "Hi", html: `<p><a href="https://ok.test">ok</a> <a href="${href}">click</a></p>` },
          from: { address: fx.mailbox.email },
          to: [fx.lead.email],
          messageId: newMessageId(fx.mailbox.email),
          postalAddress: POSTAL_ADDRESS,
          tracking: { opens: true, clicks: true },
        }),
      ).catch((e: unknown) => e);
      expect((error as AppError).code).toBe("invalid_input");
      expect((error as AppError).message).toContain(href.slice(0, 20));
    }
    expect(await (await getDb()).select().from(trackedLinks).where(eq(trackedLinks.emailId, fx.email.id))).toHaveLength(0);
    expect(smtp.received.length).toBe(before);
  });

  it("honours the per-send toggles: no pixel without open tracking, original links without click tracking", async () => {
    const fx = await createSendingFixture();
    const built = await teamScope(fx.team.id, (tx) =>
      buildOutboundMessage({
        tx,
        teamId: fx.team.id,
        emailId: fx.email.id,
        kind: "campaign",
        content: { subject: "Hi", html: `<p><a href="https://acme.test/x">x</a></p>` },
        from: { address: fx.mailbox.email },
        to: [fx.lead.email],
        messageId: fx.email.messageId!,
        postalAddress: POSTAL_ADDRESS,
        tracking: { opens: false, clicks: false },
      }),
    );
    expect(built.fields.html).toContain('href="https://acme.test/x"');
    expect(built.fields.html).not.toContain("/t/o/");
    expect(built.fields.html).not.toContain("/t/c/");
    expect(built.trackedLinks).toEqual([]);
    expect(built.fields.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  });
});

describe("SMTP errors carry the server's words and the right kind", () => {
  const message = async () => {
    const fx = await createSendingFixture();
    return teamScope(fx.team.id, (tx) =>
      buildOutboundMessage({
        tx, teamId: fx.team.id, emailId: fx.email.id, kind: "one-off", content: { subject: "Hi", html: "<p>Hi</p>" },
        from: { address: fx.mailbox.email }, to: [fx.lead.email], messageId: fx.email.messageId!, postalAddress: null, tracking: { opens: false, clicks: false },
      }),
    );
  };

  it("verifySmtp accepts good credentials and reports a wrong password as auth_failed", async () => {
    await expect(verifySmtp(credentials)).resolves.toBe(true);
    const error = await verifySmtp({ ...credentials, password: "wrong" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailProviderError);
    expect(error).toMatchObject({ kind: "auth_failed", provider: "smtp" });
    expect((error as MailProviderError).providerMessage).toContain("Authentication credentials invalid");
  });

  it("maps a 550 recipient refusal to permanent and a 451 to transient", async () => {
    const built = await message();
    smtp.refuseNextRecipient(550, "5.1.1 <nobody@example.org>: Recipient address rejected: User unknown");
    const permanent = await createSmtpProvider({ credentials }).send({ message: built, idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(permanent).toMatchObject({ kind: "permanent", provider: "smtp" });
    expect((permanent as MailProviderError).providerMessage).toContain("User unknown");

    smtp.refuseNextMessage(451, "4.3.0 Temporary system problem, try again later");
    const transient = await createSmtpProvider({ credentials }).send({ message: built, idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(transient).toMatchObject({ kind: "transient", status: 451 });
    expect((transient as MailProviderError).providerMessage).toContain("Temporary system problem");
  });

  it("treats an unreachable server as transient", async () => {
    const built = await message();
    const error = await createSmtpProvider({ credentials: { ...credentials, port: 1 } }).send({ message: built, idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "transient", provider: "smtp" });
  });
});
