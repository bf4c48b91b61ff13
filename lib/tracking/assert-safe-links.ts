// Refuses an email whose links could send a reader somewhere other than a plain web page (javascript:,
// protocol-relative "//host", relative paths). Runs whether or not click tracking is on.
import { AppError } from "@/lib/errors";
import { classifyLink } from "./classify-link";
import { findAnchorHrefs } from "./find-anchor-hrefs";

export function findUnsafeLinks(html: string): { href: string; reason: string }[] {
  const unsafe: { href: string; reason: string }[] = [];
  for (const a of findAnchorHrefs(html)) {
    const d = classifyLink(a.value);
    if (d.action === "unsafe") unsafe.push({ href: d.href, reason: d.reason });
  }
  return unsafe;
}

export function assertSafeLinks(html: string): void {
  const unsafe = findUnsafeLinks(html);
  if (unsafe.length === 0) return;
  const shown = unsafe.slice(0, 3).map((u) => `"${u.href.slice(0, 80)}" (${u.reason})`).join(", ");
  throw new AppError("invalid_input", `This email has links that cannot be sent: ${shown}. Fix or remove them and try again.`, {
    fields: { links: unsafe.map((u) => `${u.href.slice(0, 200)}: ${u.reason}`) },
  });
}
