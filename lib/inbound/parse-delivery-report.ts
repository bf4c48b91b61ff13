// PLACEHOLDER until the parse branch lands (same signatures).
import type { InboundMessage } from "./inbound-message";

export type BounceKind = "hard" | "soft" | "auth";
export type DeliveryReport = { type: BounceKind; status: string | null; recipient: string | null; diagnostic: string | null; originalMessageId: string | null };

export function classifyBounceStatus({ status, diagnostic }: { status: string | null; diagnostic: string | null }): BounceKind {
  if (!status || status.startsWith("4")) return "soft";
  if (status.startsWith("5.7.")) return /spf|dkim|dmarc|authenticat/i.test(diagnostic ?? "") ? "auth" : "soft";
  return "hard";
}

export function parseDeliveryReport(message: InboundMessage): DeliveryReport | null {
  if (!message.deliveryStatus) return null;
  const field = (name: string) => message.deliveryStatus!.match(new RegExp(`^${name}:\\s*(.+)$`, "im"))?.[1].trim() ?? null;
  const status = field("Status");
  const diagnostic = field("Diagnostic-Code");
  const recipient = field("Final-Recipient")?.replace(/^rfc822;\s*/i, "").toLowerCase() ?? null;
  return { type: classifyBounceStatus({ status, diagnostic }), status, recipient, diagnostic, originalMessageId: message.originalHeaders?.["message-id"] ?? null };
}
