// Reads a spam complaint (ARF, RFC 5965, as mailbox providers' feedback loops send it) into the address
// that complained and the message of ours it was about.
import type { InboundMessage } from "./inbound-message";
import { parseHeaderBlock } from "./inbound-message";

export type Complaint = {
  recipient: string | null;
  originalMessageId: string | null;
  /** abuse, fraud, virus, not-spam, opt-out, other… lower-cased; the caller decides which count. */
  feedbackType: string;
};

const firstAddress = (value: string | undefined): string | null =>
  value?.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/)?.[0]?.toLowerCase() ?? null;

export function parseComplaint(message: Pick<InboundMessage, "contentType" | "feedbackReport" | "originalHeaders">): Complaint | null {
  const isArf = /report-type="?feedback-report/i.test(message.contentType);
  if (!message.feedbackReport && !isArf) return null;
  const fields = parseHeaderBlock(message.feedbackReport ?? "");
  const original = message.originalHeaders ?? {};
  return {
    // Yahoo and AOL name the recipient in Original-Rcpt-To; Microsoft (JMRP) redacts it and only the
    // original's To may be left, so the message id is the more reliable join.
    recipient: firstAddress(fields["original-rcpt-to"]) ?? firstAddress(original.to),
    originalMessageId: original["message-id"]?.match(/<[^<>\s]+>/)?.[0] ?? null,
    feedbackType: (fields["feedback-type"] ?? "other").trim().toLowerCase(),
  };
}
