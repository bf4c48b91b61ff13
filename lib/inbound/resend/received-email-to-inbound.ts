// A received email as Resend's API returns it, in the shape every provider hands to ingest, for when Resend
// gives no raw message to parse. Report parts (DSN, ARF) exist only in the raw message, so they stay null here.
import type { InboundMessage } from "@/lib/inbound/inbound-message";
import type { ResendReceivedEmail } from "./resend-event.schema";

/** "Ada <ada@x.test>" or "ada@x.test" → its parts; the address lower-cased. */
export function parseAddress(value: string): { address: string; name: string | null } | null {
  const angle = value.match(/^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/);
  if (angle) return { address: angle[2].toLowerCase(), name: angle[1].replace(/^"(.*)"$/, "$1").trim() || null };
  const bare = value.trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(bare) ? { address: bare.toLowerCase(), name: null } : null;
}

export const addressesOf = (values: string[]): string[] => values.map(parseAddress).filter((a) => a !== null).map((a) => a.address);

const bracketed = (id: string) => (id.startsWith("<") ? id : `<${id}>`);
const idList = (value: string | undefined): string[] => (value ? value.split(/[\s,]+/).filter(Boolean).map(bracketed) : []);

export function receivedEmailToInbound(email: ResendReceivedEmail): InboundMessage {
  // Header names arrive in any case; repeated headers may come as arrays — joined as parseRawMessage does.
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(email.headers ?? {})) {
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(", ") : value;
    headers[key] = headers[key] ? `${headers[key]}, ${text}` : text;
  }
  const messageId = headers["message-id"]?.trim() || email.message_id?.trim() || null;
  const date = headers.date ? new Date(headers.date) : null;
  return {
    messageId: messageId ? bracketed(messageId) : null,
    inReplyTo: idList(headers["in-reply-to"])[0] ?? null,
    references: idList(headers.references),
    from: parseAddress(email.from),
    to: addressesOf(email.to),
    cc: addressesOf(email.cc),
    subject: email.subject,
    text: email.text ?? "",
    html: email.html ?? null,
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    headers,
    contentType: (headers["content-type"] ?? (email.html ? "text/html" : "text/plain")).toLowerCase(),
    deliveryStatus: null,
    feedbackReport: null,
    originalHeaders: null,
  };
}
