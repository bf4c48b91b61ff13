import { describe, expect, it } from "vitest";
import { classifyResendBounce } from "@/lib/inbound/resend/classify-resend-bounce";
import { receivedEmailToInbound } from "@/lib/inbound/resend/received-email-to-inbound";
import { resendReceivedEmailSchema } from "@/lib/inbound/resend/resend-event.schema";

describe("classifyResendBounce", () => {
  it("maps Permanent to hard, Transient and Undetermined to soft, and keeps the SMTP status it finds", () => {
    expect(classifyResendBounce({ type: "Permanent", subType: "General", message: "550 5.1.1 <grace@example.org>: user unknown" })).toEqual({ type: "hard", status: "5.1.1" });
    expect(classifyResendBounce({ type: "Permanent", subType: "Suppressed", message: "The address is on the suppression list." })).toEqual({ type: "hard", status: null });
    expect(classifyResendBounce({ type: "Transient", subType: "MailboxFull", message: "452 4.2.2 mailbox full" })).toEqual({ type: "soft", status: "4.2.2" });
    expect(classifyResendBounce({ type: "Undetermined", subType: "Undetermined", message: null })).toEqual({ type: "soft", status: null });
  });

  it("calls a 5.7.x rejection naming DMARC an authentication failure (ours), not a bad address", () => {
    expect(classifyResendBounce({ type: "Permanent", subType: "General", message: "550 5.7.26 Unauthenticated email from acme.test is not accepted due to domain's DMARC policy" })).toEqual({ type: "auth", status: "5.7.26" });
    expect(classifyResendBounce({ type: "Permanent", subType: "General", message: "550 5.7.1 Recipient address rejected: access denied" })).toEqual({ type: "hard", status: "5.7.1" });
  });
});

describe("receivedEmailToInbound", () => {
  const email = resendReceivedEmailSchema.parse({
    object: "email",
    id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
    from: '"Grace Hopper" <Grace@Example.org>',
    to: ["rep@acme.test"],
    cc: ["Boss <Boss@Example.org>"],
    bcc: null,
    reply_to: null,
    received_for: ["rep@acme.test"],
    created_at: "2026-05-01T10:00:00.000Z",
    subject: "Re: Quick question",
    html: "<p>Yes</p>",
    text: "Yes",
    headers: { "Message-ID": "<r1@example.org>", "In-Reply-To": "<s1@acme.test>", References: "<s0@acme.test> <s1@acme.test>", Date: "Fri, 01 May 2026 10:00:00 +0000", "X-Custom": ["a", "b"] },
    message_id: "<r1@example.org>",
    raw: null,
    attachments: [],
  });

  it("keeps the threading headers, the addresses lower-cased and the bodies", () => {
    const message = receivedEmailToInbound(email);
    expect(message).toMatchObject({
      messageId: "<r1@example.org>",
      inReplyTo: "<s1@acme.test>",
      references: ["<s0@acme.test>", "<s1@acme.test>"],
      from: { address: "grace@example.org", name: "Grace Hopper" },
      to: ["rep@acme.test"],
      cc: ["boss@example.org"],
      subject: "Re: Quick question",
      text: "Yes",
      html: "<p>Yes</p>",
      deliveryStatus: null,
    });
    expect(message.date?.toISOString()).toBe("2026-05-01T10:00:00.000Z");
    expect(message.headers["x-custom"]).toBe("a, b");
  });

  it("falls back to Resend's message_id and adds angle brackets when the headers lack them", () => {
    const message = receivedEmailToInbound({ ...email, headers: { "in-reply-to": "s1@acme.test" }, message_id: "r2@example.org" });
    expect(message).toMatchObject({ messageId: "<r2@example.org>", inReplyTo: "<s1@acme.test>", references: [], date: null });
  });
});
