import Link from "next/link";

/** "← Previous · Page 2 of 7 · Next →" for a list whose page lives in the query string. */
export function PageLinks({ page, pages, total, noun, href }: { page: number; pages: number; total: number; noun: string; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={`${noun} pages`} className="flex justify-between text-sm">
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : <span />}
      <span className="text-muted-foreground">Page {page} of {pages} · {total.toLocaleString("en-US")} {noun}</span>
      {page < pages ? <Link href={href(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
