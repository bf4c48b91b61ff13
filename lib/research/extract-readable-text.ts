// A page's readable text: title, headings and paragraphs in order, without scripts, styles, navigation or chrome.

export type ReadableBlock = { kind: "heading" | "paragraph" | "item"; text: string };
export type ReadableText = { title: string; description: string; blocks: ReadableBlock[]; text: string };

// Whole elements whose content is never prose for a reader.
const DROP_ELEMENTS = ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "nav", "footer", "form", "select", "button", "head"];
const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "main", "header", "aside", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
  "blockquote", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "pre", "address",
]);
const MAX_TEXT_CHARS = 100_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", rsquo: "’", lsquo: "‘",
  rdquo: "”", ldquo: "“", hellip: "…", copy: "©", reg: "®", trade: "™", euro: "€", pound: "£", middot: "·", bull: "•",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return NAMED_ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const clean = (s: string) => decodeEntities(s).replace(/\s+/g, " ").trim();

function dropElements(html: string): string {
  let out = html.replace(/<!--[\s\S]*?-->/g, " ").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, " ");
  for (const tag of DROP_ELEMENTS) {
    out = out.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?<\\/${tag}\\s*>`, "gi"), " ");
    // An unclosed <script> would otherwise leak its code into the text.
    out = out.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*$`, "i"), (m) => (/<\/(?:body|html)/i.test(m) ? m : " "));
  }
  // Elements the page itself marks as navigation or hidden.
  return out.replace(/<(\w+)\b[^>]*(?:role=["'](?:navigation|banner|contentinfo)["']|aria-hidden=["']true["']|\bhidden\b)[^>]*>[\s\S]*?<\/\1\s*>/gi, " ");
}

export function extractReadableText(html: string): ReadableText {
  const title = clean(html.match(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i)?.[1] ?? "");
  const description = clean(
    html.match(/<meta\b[^>]*name=["']description["'][^>]*content=["']([^"']*)["']/i)?.[1] ??
      html.match(/<meta\b[^>]*content=["']([^"']*)["'][^>]*name=["']description["']/i)?.[1] ??
      "",
  );
  const body = dropElements(html);
  const blocks: ReadableBlock[] = [];
  let kind: ReadableBlock["kind"] = "paragraph";
  let buffer = "";
  const flush = () => {
    const text = clean(buffer.replace(/<[^>]*>/g, " "));
    if (text && /\p{L}/u.test(text)) blocks.push({ kind, text });
    buffer = "";
  };
  // Walk the tags in order: a block-level tag ends the current block, inline tags are just dropped.
  for (const piece of body.split(/(<\/?[a-zA-Z][^>]*>)/)) {
    const tag = piece.match(/^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/);
    if (!tag) {
      buffer += piece;
      continue;
    }
    const name = tag[2].toLowerCase();
    if (!BLOCK_TAGS.has(name)) {
      buffer += " ";
      continue;
    }
    flush();
    if (tag[1] === "/") kind = "paragraph";
    else kind = /^h[1-6]$/.test(name) ? "heading" : name === "li" || name === "dt" || name === "dd" ? "item" : "paragraph";
  }
  flush();
  const unique = blocks.filter((b, i) => i === 0 || b.text !== blocks[i - 1].text);
  // Blocks end in a full stop if they have none, so sentence splitting does not glue a heading to its paragraph.
  const text = unique
    .map((b) => (/[.!?:…]$/.test(b.text) || b.kind !== "heading" ? b.text : `${b.text}.`))
    .join("\n\n")
    .slice(0, MAX_TEXT_CHARS);
  return { title, description, blocks: unique, text };
}
