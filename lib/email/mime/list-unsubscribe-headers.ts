// RFC 2369 List-Unsubscribe with both an https and a mailto target, plus RFC 8058 one-click.
export function listUnsubscribeHeaders({ url, mailto }: { url: string; mailto: string }): Record<string, string> {
  const mail = `mailto:${mailto}?subject=unsubscribe`;
  return {
    // The https URI first: RFC 8058 receivers (Gmail, Yahoo) POST to it; older clients open the mailto.
    "List-Unsubscribe": `<${url}>, <${mail}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
