// Resend reports bounces in Amazon SES's words (type Permanent / Transient / Undetermined, a subType, a message).
import type { BounceType } from "@/db/schema/emails";

/** Resend's bounce type (SES's words) in ours; an SMTP status in the message is kept when there is one. */
export function classifyResendBounce(bounce: { type: string; subType?: string | null; message?: string | null }): { type: BounceType; status: string | null } {
  const status = bounce.message?.match(/\b([245]\.\d{1,3}\.\d{1,3})\b/)?.[1] ?? null;
  const t = bounce.type.toLowerCase();
  // 5.7.x naming SPF/DKIM/DMARC is about our own sending setup, not the address: never suppress the lead for it.
  if (status?.startsWith("5.7.") && /spf|dkim|dmarc|authenticat/i.test(bounce.message ?? "")) return { type: "auth", status };
  // "Undetermined" counts as soft: one unclear answer should not suppress an address for good.
  return { type: t === "permanent" || t === "hard" ? "hard" : "soft", status };
}
