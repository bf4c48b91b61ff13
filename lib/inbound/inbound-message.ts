// An inbound message as every provider hands it to the ingest step: the RFC 5322 headers we match and
// classify on, the bodies, and the machine-readable parts of reports (DSN, ARF) when there are any.
import "server-only";
import { simpleParser, type AddressObject } from "mailparser";

export type InboundMessage = {
  /** Message-ID with angle brackets, or null when the sender gave none. */
  messageId: string | null;
  inReplyTo: string | null;
  /** Message-IDs from References, oldest first, each with angle brackets. */
  references: string[];
  from: { address: string; name: string | null } | null;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  /** Every header, names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Top-level Content-Type with parameters, lower-cased ("multipart/report; report-type=delivery-status"). */
  contentType: string;
  /** The text of a message/delivery-status part (RFC 3464), when present. */
  deliveryStatus: string | null;
  /** The text of a message/feedback-report part (RFC 5965 ARF complaint), when present. */
  feedbackReport: string | null;
  /** Headers of the returned original (text/rfc822-headers or message/rfc822 part of a report), lower-cased names. */
  originalHeaders: Record<string, string> | null;
};

/** One message a sync found, before parsing: its raw RFC 822 source and the provider's ids. */
export type RawInbound = {
  providerMessageId: string;
  providerThreadId?: string | null;
  raw: Buffer;
  /** When the provider received it (falls back to the Date header, then now). */
  receivedAt?: Date | null;
};

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => v.address?.toLowerCase()).filter((x): x is string => !!x));
}

function headerText(value: unknown): string {
  if (value == null) return "";
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(headerText).join(", ");
  if (typeof value === "object" && "text" in value && typeof (value as { text: unknown }).text === "string") return (value as { text: string }).text;
  if (typeof value === "object" && "value" in value) {
    const v = value as { value: unknown; params?: Record<string, string> };
    const params = Object.entries(v.params ?? {}).map(([k, p]) => `; ${k}=${p}`).join("");
    return `${headerText(v.value)}${params}`;
  }
  return String(value);
}

/** Header lines of a block of "Name: value" text (an rfc822-headers part), unfolded, names lower-cased. */
export function parseHeaderBlock(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ").split("\n")) {
    const i = line.indexOf(":");
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

const ids = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((s) => s.trim()).filter(Boolean).map((s) => (s.startsWith("<") ? s : `<${s}>`));

export async function parseRawMessage(raw: Buffer | string): Promise<InboundMessage> {
  // keepDeliveryStatus: without it mailparser folds the message/delivery-status part into the text body
  // and the per-recipient Status/Action fields are lost as a part.
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, keepDeliveryStatus: true });
  const headers: Record<string, string> = {};
  for (const [name, value] of mail.headers) if (name !== "list") headers[name.toLowerCase()] = headerText(value);
  // mailparser merges List-* into one structured "list" key and drops empty headers
  // (X-MS-Exchange-Message-Is-Ndr:); the raw lines keep both as the sender wrote them.
  for (const { key, line } of mail.headerLines) {
    const name = key.toLowerCase();
    if (!name.startsWith("list-") && name in headers) continue;
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
    headers[name] = name in headers && name.startsWith("list-") ? `${headers[name]}, ${value}` : value;
  }
  const part = (type: string) => mail.attachments.find((a) => a.contentType.toLowerCase() === type);
  // The message/global-* types are RFC 6533's for internationalised (SMTPUTF8) mail; same content.
  const original = part("text/rfc822-headers") ?? part("message/rfc822") ?? part("message/global-headers") ?? part("message/global");
  const originalText = original?.content.toString("utf8") ?? null;
  const from = mail.from?.value[0];
  return {
    messageId: mail.messageId ? ids(mail.messageId)[0] : null,
    inReplyTo: mail.inReplyTo ? ids(mail.inReplyTo)[0] : null,
    references: ids(mail.references),
    from: from?.address ? { address: from.address.toLowerCase(), name: from.name || null } : null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : null,
    date: mail.date ?? null,
    headers,
    contentType: (headers["content-type"] ?? "text/plain").toLowerCase(),
    deliveryStatus: (part("message/delivery-status") ?? part("message/global-delivery-status"))?.content.toString("utf8") ?? null,
    feedbackReport: part("message/feedback-report")?.content.toString("utf8") ?? null,
    // Only the header block matters for matching: cut a returned full message at its blank line.
    originalHeaders: originalText ? parseHeaderBlock(originalText.split(/\r?\n\r?\n/)[0]) : null,
  };
}
