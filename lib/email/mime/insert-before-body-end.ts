/** Puts `fragment` just inside the last </body> when the document has one, else at the end. */
export function insertBeforeBodyEnd(html: string, fragment: string): string {
  const at = html.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  return at < 0 ? `${html}${fragment}` : `${html.slice(0, at)}${fragment}${html.slice(at)}`;
}
