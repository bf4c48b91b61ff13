// The text/plain alternative when the author wrote only HTML: readable, with each link's address kept.
import { decodeHtmlEntities } from "@/lib/email/render/html-entities";

const BLOCK_END = /<\/(p|div|h[1-6]|tr|table|blockquote|ul|ol|section|article|header|footer)\s*>/gi;

function hrefOf(attrs: string): string | null {
  const m = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  return m ? decodeHtmlEntities(m[1] ?? m[2] ?? m[3] ?? "").trim() : null;
}

export function htmlToText(html: string): string {
  let s = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, "")
    // Authored line breaks in the source mean nothing in HTML; only tags make lines.
    .replace(/\s*\n\s*/g, " ");
  s = s.replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_whole, attrs: string, inner: string) => {
    const label = decodeHtmlEntities(inner.replace(/<[^>]*>/g, "")).trim();
    const href = hrefOf(attrs);
    if (!href || href.startsWith("#")) return label;
    const target = href.replace(/^mailto:/i, "");
    if (!label || label === target || label === href) return target;
    return `${label} (${target})`;
  });
  s = s
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<\/li\s*>/gi, "")
    .replace(BLOCK_END, "\n\n")
    .replace(/<(p|div|h[1-6]|tr|table|blockquote|ul|ol)\b[^>]*>/gi, "\n")
    .replace(/<\/t[dh]\s*>/gi, " ")
    .replace(/<[^>]*>/g, "");
  s = decodeHtmlEntities(s).replace(/\u00a0/g, " ");
  return s
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
