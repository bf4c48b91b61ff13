// A header exactly as sent (unfolded), from mailparser's raw header lines: mailparser restructures List-* headers.
import type { ParsedMail } from "mailparser";

export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
}
