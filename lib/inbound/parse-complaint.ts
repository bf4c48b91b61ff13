// PLACEHOLDER until the parse branch lands (same signatures).
import type { InboundMessage } from "./inbound-message";

export function parseComplaint(message: InboundMessage): { recipient: string | null; originalMessageId: string | null; feedbackType: string } | null {
  if (!message.feedbackReport) return null;
  const field = (name: string) => message.feedbackReport!.match(new RegExp(`^${name}:\\s*(.+)$`, "im"))?.[1].trim() ?? null;
  return { recipient: field("Original-Rcpt-To")?.toLowerCase() ?? null, originalMessageId: message.originalHeaders?.["message-id"] ?? null, feedbackType: field("Feedback-Type") ?? "abuse" };
}
