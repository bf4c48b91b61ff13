import Link from "next/link";

/** Previous / next links for a server-rendered list page; keeps the other query parameters. */
export function ListPager({ page, total, pageSize, params, noun }: { page: number; total: number; pageSize: number; params: Record<string, string | undefined>; noun: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `?${q}`;
  };
  return (
    <nav aria-label="Pages" className="flex justify-between text-sm">
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : <span />}
      <span className="text-muted-foreground">Page {page} of {pages} · {total} {noun}</span>
      {page < pages ? <Link href={href(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}
