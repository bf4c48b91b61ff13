// PLACEHOLDER until the parse branch lands (same signatures).
import type { InboundMessage } from "./inbound-message";

export function detectAutoReply(message: InboundMessage): { auto: boolean; reason: string | null } {
  const h = message.headers;
  if (h["auto-submitted"] && h["auto-submitted"].toLowerCase() !== "no") return { auto: true, reason: `Auto-Submitted: ${h["auto-submitted"]}` };
  if (h["x-autoreply"] || h["x-autorespond"]) return { auto: true, reason: "X-Autoreply" };
  if (/^(auto_reply|bulk|junk|list)$/i.test(h["precedence"] ?? "")) return { auto: true, reason: `Precedence: ${h["precedence"]}` };
  return { auto: false, reason: null };
}

export function looksOutOfOffice({ subject, text }: { subject: string; text: string }): boolean {
  return /out of (the )?office|automatic reply|away from (the )?office|on vacation|on leave/i.test(`${subject}\n${text.slice(0, 2000)}`);
}
