// Locates the href of every <a> tag in an HTML body, with the offsets needed to replace it in place.
export type AnchorHref = { start: number; end: number; value: string };

const ANCHOR_OPEN = /<a\b[^>]*>/gi;
const HREF = /(\shref\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

export function findAnchorHrefs(html: string): AnchorHref[] {
  const found: AnchorHref[] = [];
  for (const tag of html.matchAll(ANCHOR_OPEN)) {
    const m = HREF.exec(tag[0]);
    if (!m) continue;
    const valueStart = tag.index + m.index + m[1].length;
    found.push({ start: valueStart, end: valueStart + m[0].length - m[1].length, value: m[2] ?? m[3] ?? m[4] ?? "" });
  }
  return found;
}

/** Rewrites the chosen hrefs (attribute including quotes) right to left so earlier offsets stay valid. */
export function replaceHrefs(html: string, replacements: { at: AnchorHref; href: string }[]): string {
  let out = html;
  for (const { at, href } of [...replacements].sort((a, b) => b.at.start - a.at.start)) {
    out = `${out.slice(0, at.start)}"${href}"${out.slice(at.end)}`;
  }
  return out;
}
