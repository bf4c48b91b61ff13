// The raw RFC 5322 message (multipart/alternative: text + HTML) with our Message-ID, threading and
// List-Unsubscribe headers, plus the same content as fields for providers that take JSON (Resend, outbox).
import MailComposer from "nodemailer/lib/mail-composer";
import { AppError } from "@/lib/errors";
import { mimeMessageInputSchema, type MimeMessageInput } from "./build-mime-message.schema";
import { htmlToText } from "./html-to-text";
import { listUnsubscribeHeaders } from "./list-unsubscribe-headers";

export type BuiltMessage = {
  raw: Buffer;
  messageId: string;
  envelope: { from: string; to: string[] };
  fields: {
    from: { address: string; name: string | null };
    to: string[];
    cc: string[];
    bcc: string[];
    replyTo: string | null;
    subject: string;
    html: string;
    text: string;
    /** Message-ID, threading, List-Unsubscribe and X- headers, as they appear in `raw`. */
    headers: Record<string, string>;
  };
};

export async function buildMimeMessage(input: MimeMessageInput): Promise<BuiltMessage> {
  const parsed = mimeMessageInputSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new AppError("invalid_input", `This email cannot be built: ${detail}`);
  }
  const m = parsed.data;
  const text = m.text?.trim() ? m.text : htmlToText(m.html);
  // A reply's References must end with the message it answers (RFC 5322 §3.6.4).
  const references = [...m.references];
  if (m.inReplyTo && !references.includes(m.inReplyTo)) references.push(m.inReplyTo);

  const headers: Record<string, string> = { "Message-ID": m.messageId };
  if (m.inReplyTo) headers["In-Reply-To"] = m.inReplyTo;
  if (references.length) headers.References = references.join(" ");
  if (m.listUnsubscribe) Object.assign(headers, listUnsubscribeHeaders(m.listUnsubscribe));
  Object.assign(headers, m.headers);

  const composer = new MailComposer({
    from: m.from.name ? { name: m.from.name, address: m.from.address } : m.from.address,
    to: m.to,
    cc: m.cc.length ? m.cc : undefined,
    bcc: m.bcc.length ? m.bcc : undefined,
    replyTo: m.replyTo ?? undefined,
    subject: m.subject,
    html: m.html,
    text,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo ?? undefined,
    references: references.length ? references.join(" ") : undefined,
    date: m.date,
    headers: Object.fromEntries(
      Object.entries(headers).filter(([k]) => !["Message-ID", "In-Reply-To", "References"].includes(k)),
    ),
  });
  const raw = await composer.compile().build();
  return {
    raw,
    messageId: m.messageId,
    envelope: { from: m.from.address, to: [...m.to, ...m.cc, ...m.bcc] },
    fields: {
      from: { address: m.from.address, name: m.from.name ?? null },
      to: m.to,
      cc: m.cc,
      bcc: m.bcc,
      replyTo: m.replyTo ?? null,
      subject: m.subject,
      html: m.html,
      text,
      headers,
    },
  };
}
