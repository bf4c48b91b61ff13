import Link from "next/link";
import { Badge } from "@/components/ui/badge";

type Row = { id: string; kind: string; to: string; subject: string; createdAt: Date };

export function OutboxList({ rows, hrefFor }: { rows: Row[]; hrefFor: (id: string) => string }) {
  return (
    <ul className="divide-y rounded-lg border" data-testid="outbox-list">
      {rows.map((m) => (
        <li key={m.id}>
          <Link href={hrefFor(m.id)} className="flex flex-col gap-1 p-3 hover:bg-accent sm:flex-row sm:items-center sm:justify-between">
            <span className="min-w-0">
              <span className="block truncate font-medium">{m.subject}</span>
              <span className="block truncate text-sm text-muted-foreground">to {m.to}</span>
            </span>
            <span className="flex shrink-0 items-center gap-2 text-xs text-muted-foreground">
              <Badge variant="outline">{m.kind}</Badge>
              <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
