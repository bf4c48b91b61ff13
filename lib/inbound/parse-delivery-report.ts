// Reads a bounce (RFC 3464 DSN, or a plain-text notice from a MAILER-DAEMON) into the facts suppression
// and the sender's reputation depend on: which address failed, how, and which of our messages it was.
import type { BounceType } from "@/db/schema/emails";
import type { InboundMessage } from "./inbound-message";
import { parseHeaderBlock } from "./inbound-message";

export type { BounceType };

export type DeliveryReport = {
  type: BounceType;
  /** Enhanced status code (RFC 3463), "5.1.1"; null when the report gives none. */
  status: string | null;
  recipient: string | null;
  diagnostic: string | null;
  /** Message-ID of our returned message, with angle brackets. */
  originalMessageId: string | null;
  /** The sending server is still trying (Action: delayed): a warning, not a final failure. */
  delayed: boolean;
};

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
// Failures of OUR domain's authentication: fixing them is on us (SPF/DKIM/DMARC), not the recipient.
const AUTH_FAILURE =
  /\bspf\b|\bdkim\b|\bdmarc\b|authenticat|sender not authori[sz]ed|\b5\.7\.(?:23|25|26|27)\b/i;
// Microsoft's "RESOLVER.RST.AuthRequired" is a group that only takes internal senders: a policy, not our auth.
const NOT_OUR_AUTH = /resolver\.rst\.|authentication required/i;

/**
 * hard: the address is bad, suppress it. soft: try again later (temporary, or a policy/spam block that says
 * nothing about the address, so one event must not suppress it). auth: our SPF/DKIM/DMARC failed.
 * Without any code the answer is soft: suppressing an address needs evidence.
 */
export function classifyBounceStatus(input: { status: string | null; diagnostic: string | null; action?: string | null }): BounceType {
  const diagnostic = input.diagnostic ?? "";
  const code = (input.status ?? "").match(ENHANCED) ?? diagnostic.match(ENHANCED);
  if (input.action?.toLowerCase() === "delayed") return "soft";
  const klass = code?.[1] ?? diagnostic.match(/\b([45])\d\d\b/)?.[1];
  if (klass !== "5") return "soft";
  const authText = `${code?.[0] ?? ""} ${diagnostic}`;
  if (code?.[2] === "7" || !code) {
    if (AUTH_FAILURE.test(authText) && !NOT_OUR_AUTH.test(diagnostic)) return "auth";
    if (code) return "soft";
  }
  return "hard";
}

type Fields = Record<string, string>;

/** The per-recipient field groups of a delivery-status part (the first group is per-message). */
function recipientGroups(deliveryStatus: string): { perMessage: Fields; recipients: Fields[] } {
  const groups = deliveryStatus
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => parseHeaderBlock(block))
    .filter((g) => Object.keys(g).length > 0);
  const isRecipient = (g: Fields) => "final-recipient" in g || "action" in g || "status" in g;
  return { perMessage: groups.find((g) => !isRecipient(g)) ?? {}, recipients: groups.filter(isRecipient) };
}

/** "rfc822; Dana@Acme.com" → "dana@acme.com"; other address types (x400, utf-8 unknown) → null. */
function rfc822Address(value: string | undefined): string | null {
  if (!value) return null;
  const [type, ...rest] = value.split(";");
  const address = (rest.length ? rest.join(";") : type).trim().replace(/^<|>$/g, "");
  if (rest.length && type.trim().toLowerCase() !== "rfc822") return null;
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address.toLowerCase() : null;
}

/** "smtp; 550-5.1.1 The email … 550-5.1.1 double-checking …" → one line without the repeated reply codes. */
function cleanDiagnostic(value: string | undefined): string | null {
  if (!value) return null;
  let text = value.replace(/^\s*[\w-]+\s*;\s*/, "").replace(/\s+/g, " ").trim();
  const lead = text.match(/^(\d{3})[- ](?:(\d\.\d{1,3}\.\d{1,3}) )?/);
  if (lead) {
    // Multi-line SMTP replies repeat "550-5.1.1" at the start of every line; keep only the words.
    const prefix = `${lead[1]} ${lead[2] ? `${lead[2]} ` : ""}`;
    const repeat = new RegExp(` ${lead[1]}[- ]${lead[2] ? `${lead[2].replace(/\./g, "\\.")} ` : ""}`, "g");
    text = `${prefix}${text.slice(lead[0].length).replace(repeat, " ")}`.replace(/\s+/g, " ").trim();
  }
  return text || null;
}

const angle = (value: string | undefined | null): string | null => value?.match(/<[^<>\s]+@[^<>\s]+>/)?.[0] ?? null;

function fromDeliveryStatus(message: InboundMessage, deliveryStatus: string): DeliveryReport | null {
  const { perMessage, recipients } = recipientGroups(deliveryStatus);
  const action = (g: Fields) => (g.action ?? "").toLowerCase().split(/[\s(]/)[0];
  const failing = (g: Fields) => /^[45]/.test(g.status?.trim() ?? "");
  // The first failed recipient; a report of delays only stands for itself; delivered/relayed is no bounce.
  const chosen = recipients.find((g) => action(g) === "failed") ?? recipients.find((g) => action(g) === "delayed") ??
    recipients.find((g) => !g.action && failing(g));
  if (!chosen) return null;
  const diagnostic = cleanDiagnostic(chosen["diagnostic-code"]);
  const status = chosen.status?.match(ENHANCED)?.[0] ?? diagnostic?.match(ENHANCED)?.[0] ?? null;
  return {
    type: classifyBounceStatus({ status, diagnostic, action: action(chosen) }),
    delayed: action(chosen) === "delayed",
    status,
    recipient: rfc822Address(chosen["original-recipient"]) ?? rfc822Address(chosen["final-recipient"]),
    diagnostic,
    originalMessageId:
      angle(message.originalHeaders?.["message-id"]) ?? angle(perMessage["x-original-message-id"]) ?? message.inReplyTo ?? message.references[0] ?? null,
  };
}

const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon)@/i;
const BOUNCE_NAME = /mail delivery (?:system|subsystem)/i;
const BOUNCE_SUBJECT =
  /undeliver|delivery status notification \((?:failure|delay)\)|mail delivery failed|returned mail|delivery failure|failure notice|non-?delivery|could not be delivered|returned to sender|delivery has failed/i;
// Where the notice ends and the copy of our message begins; the copy must not be scanned for codes.
const COPY_START =
  /^[ \t]*-{2,}.*(?:copy of the message|original message|message follows|undelivered message|returned message).*$/im;
// In free text only failure codes with a one-digit subject (RFC 3463), so "Exim 4.94.2" is not a status.
const TEXT_ENHANCED = /\b[45]\.[0-7]\.\d{1,3}\b/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** A notice without a delivery-status part: Exim's default, qmail, older gateways. */
function fromText(message: InboundMessage): DeliveryReport | null {
  const sender = message.from?.address ?? "";
  const looksLikeBounce =
    BOUNCE_SENDER.test(sender) || BOUNCE_NAME.test(message.from?.name ?? "") || BOUNCE_SUBJECT.test(message.subject);
  if (!looksLikeBounce) return null;
  const text = message.text.replace(/\r\n/g, "\n");
  const cut = text.search(COPY_START);
  const notice = cut >= 0 ? text.slice(0, cut) : text;
  const copy = cut >= 0 ? text.slice(cut) : "";
  const lines = notice.split("\n");
  const codeLine = lines.findIndex((l) => TEXT_ENHANCED.test(l));
  const smtpLine = codeLine >= 0 ? codeLine : lines.findIndex((l) => /\b[45]\d\d[ -]\S/.test(l));
  if (smtpLine < 0) return null;
  const diagnostic = lines[smtpLine].trim().replace(/^.*?(?=\b[45]\d\d[ -])/, "") || null;
  const status = codeLine >= 0 ? (lines[codeLine].match(TEXT_ENHANCED)?.[0] ?? null) : null;
  // Exim and Gmail name the failed address in a header; otherwise the address nearest above the code.
  const ours = new Set([...message.to, sender]);
  const candidate = (s: string) => [...s.matchAll(EMAIL)].map((m) => m[0].toLowerCase()).find((a) => !ours.has(a) && !BOUNCE_SENDER.test(a));
  const header = message.headers["x-failed-recipients"];
  let recipient = header ? (candidate(header) ?? null) : null;
  for (let i = smtpLine; !recipient && i >= Math.max(0, smtpLine - 5); i--) recipient = candidate(lines[i]) ?? null;
  recipient ??= candidate(notice) ?? null;
  const copiedId = copy.match(/^message-id:\s*(<[^>\s]+>)/im)?.[1] ?? null;
  return {
    type: classifyBounceStatus({ status, diagnostic }),
    delayed: false,
    status,
    recipient,
    diagnostic,
    originalMessageId: angle(message.originalHeaders?.["message-id"]) ?? copiedId ?? message.inReplyTo ?? null,
  };
}

/** The bounce a message reports, or null when it is not a bounce (or reports only successful delivery). */
export function parseDeliveryReport(message: InboundMessage): DeliveryReport | null {
  if (message.deliveryStatus) {
    const report = fromDeliveryStatus(message, message.deliveryStatus);
    // A parsable delivery-status part that names no failure is a success receipt; an empty one is noise.
    if (report || /final-recipient|action\s*:/i.test(message.deliveryStatus)) return report;
  }
  if (/report-type="?feedback-report/i.test(message.contentType)) return null;
  return fromText(message);
}
