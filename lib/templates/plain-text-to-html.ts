// A plain-text body (composer draft, template, sequence step) as the simple HTML an email needs: one paragraph per blank-line-separated block.
import { escapeHtml } from "@/lib/email/render/html-entities";

export function plainTextToHtml(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${linkify(escapeHtml(p)).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** A URL the rep typed becomes a link (and so a tracked link); the text is already HTML-escaped. */
function linkify(escaped: string): string {
  return escaped.replace(/\bhttps?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`);
}
