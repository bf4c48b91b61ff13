// What to do with one href in an outgoing email: track it, leave it, or refuse to send it.
import { decodeHtmlEntities } from "@/lib/email/render/html-entities";

export type LinkDecision =
  | { action: "track"; url: string }
  | { action: "keep" }
  | { action: "unsafe"; href: string; reason: string };

// Browsers drop these before reading a scheme, so "java\tscript:" is still javascript:.
const IGNORED_IN_URL = /[\u0000-\u0020\u007f]/g;

/** Only absolute http(s) URLs are ever stored as redirect targets. */
export function isSafeRedirectTarget(url: string): boolean {
  if (url !== url.trim() || url.startsWith("//") || /[\u0000-\u001f\u007f\\]/.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
  } catch {
    return false;
  }
}

/** `rawHref` is the attribute value as written in the HTML (entities not yet decoded). */
export function classifyLink(rawHref: string): LinkDecision {
  const href = decodeHtmlEntities(rawHref).trim();
  const compact = href.replace(IGNORED_IN_URL, "");
  if (compact === "" || compact.startsWith("#")) return { action: "keep" };
  if (/^(mailto|tel|sms):/i.test(compact)) return { action: "keep" };
  if (compact.startsWith("//") || compact.startsWith("\\\\") || compact.startsWith("/\\")) {
    return { action: "unsafe", href, reason: "protocol-relative links are not allowed; write https://…" };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (!scheme) return { action: "unsafe", href, reason: "links must be absolute https:// addresses" };
  if (scheme !== "http" && scheme !== "https") return { action: "unsafe", href, reason: `${scheme}: links are not allowed` };
  if (!isSafeRedirectTarget(href)) return { action: "unsafe", href, reason: "not a valid web address" };
  return { action: "track", url: href };
}
