// One line of what they wrote, without our quoted email underneath (so the list shows their words, not ours).
import { stripQuoted } from "@/lib/ai/offline-writer/classify-reply-rules";
import { htmlToText } from "@/lib/email/mime/html-to-text";

export function replyText(email: { bodyText: string | null; bodyHtml: string | null }): string {
  return email.bodyText?.trim() ? email.bodyText : email.bodyHtml ? htmlToText(email.bodyHtml) : "";
}

export function replySnippet(email: { bodyText: string | null; bodyHtml: string | null }, max = 140): string {
  const line = stripQuoted(replyText(email)).replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
