// Raw RFC 5322 messages as lead mail clients and mail servers write them, for the inbound tests: a reply in a
// thread, an automatic reply, and a delivery status notification (RFC 3464) about a message we sent.
import { randomBytes } from "node:crypto";

const crlf = (lines: string[]) => Buffer.from(lines.join("\r\n"));
const id = (domain: string) => `<${randomBytes(8).toString("hex")}@${domain}>`;

export function rawReply({
  from,
  to,
  subject = "Re: Quick idea for Example Org",
  inReplyTo,
  references = inReplyTo ? [inReplyTo] : [],
  text,
  headers = {},
  date = new Date(),
}: {
  from: string;
  to: string;
  subject?: string;
  inReplyTo?: string | null;
  references?: string[];
  text: string;
  headers?: Record<string, string>;
  date?: Date;
}): Buffer {
  return crlf([
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${subject}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: ${id(from.replace(/^.*<|>.*$/g, "").split("@")[1] ?? "example.org")}`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`] : []),
    ...(references.length ? [`References: ${references.join(" ")}`] : []),
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    text,
    "",
  ]);
}

export function rawBounce({
  to,
  recipient,
  originalMessageId,
  status,
  diagnostic,
  action = status.startsWith("4") ? "delayed" : "failed",
}: {
  to: string;
  recipient: string;
  originalMessageId: string;
  status: string;
  diagnostic: string;
  action?: string;
}): Buffer {
  const boundary = `b${randomBytes(6).toString("hex")}`;
  return crlf([
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
    `To: ${to}`,
    "Subject: Undelivered Mail Returned to Sender",
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${id("mx.example.org")}`,
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=us-ascii",
    "",
    `I'm sorry to have to inform you that your message could not be delivered to ${recipient}.`,
    "",
    `--${boundary}`,
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.org",
    "",
    `Final-Recipient: rfc822; ${recipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    "",
    `--${boundary}`,
    "Content-Type: text/rfc822-headers",
    "",
    `From: ${to}`,
    `To: ${recipient}`,
    "Subject: Quick idea for Example Org",
    `Message-ID: ${originalMessageId}`,
    "",
    `--${boundary}--`,
    "",
  ]);
}
