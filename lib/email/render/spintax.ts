// Spintax: "{Hi|Hello|Hey}" picks one option, nested groups allowed. The pick is a pure function of the seed
// (the email id), so a retried send renders byte-for-byte the same message.
import { createHash } from "node:crypto";

type Part = string | { options: Part[][] } | { literal: Part[] };

// `{{variable|fallback}}` is template syntax, not spintax: it is copied through untouched.
function parseSequence(src: string, start: number, nested: boolean): { parts: Part[]; end: number; stop: "|" | "}" | "eof" } {
  const parts: Part[] = [];
  let text = "";
  let i = start;
  const flush = () => {
    if (text) parts.push(text);
    text = "";
  };
  while (i < src.length) {
    if (src.startsWith("{{", i)) {
      const close = src.indexOf("}}", i + 2);
      const end = close < 0 ? src.length : close + 2;
      text += src.slice(i, end);
      i = end;
      continue;
    }
    const ch = src[i];
    if (ch === "{") {
      const group = parseGroup(src, i + 1);
      if (!group) {
        text += ch;
        i++;
        continue;
      }
      flush();
      parts.push(group.part);
      i = group.end;
      continue;
    }
    if (nested && (ch === "|" || ch === "}")) {
      flush();
      return { parts, end: i, stop: ch };
    }
    text += ch;
    i++;
  }
  flush();
  return { parts, end: i, stop: "eof" };
}

function parseGroup(src: string, start: number): { part: Part; end: number } | null {
  const options: Part[][] = [];
  let i = start;
  for (;;) {
    const r = parseSequence(src, i, true);
    // An unclosed "{" is plain text, not an error: it may be CSS or a literal brace.
    if (r.stop === "eof") return null;
    options.push(r.parts);
    if (r.stop === "}") {
      // "{word}" without a "|" is not a choice; keep the braces.
      return { part: options.length > 1 ? { options } : { literal: options[0] }, end: r.end + 1 };
    }
    i = r.end + 1;
  }
}

function pick(seed: string, draw: number, n: number): number {
  return createHash("sha256").update(`${seed}\0${draw}`).digest().readUInt32BE(0) % n;
}

export function renderSpintax(template: string, seed: string): string {
  const { parts } = parseSequence(template, 0, false);
  let draws = 0;
  const render = (list: Part[]): string =>
    list
      .map((p) => {
        if (typeof p === "string") return p;
        if ("literal" in p) return `{${render(p.literal)}}`;
        return render(p.options[pick(seed, draws++, p.options.length)]);
      })
      .join("");
  return render(parts);
}
