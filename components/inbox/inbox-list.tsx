// The Inbox rows: who, subject and their first words, intent, campaign, mailbox, when. Unread rows are bold.
import Link from "next/link";
import { cn } from "@/lib/cn";
import type { InboxRow } from "@/lib/inbox/list-inbox";
import { IntentBadge } from "./intent-badge";
import { LocalTime } from "./local-time";

export function InboxList({ rows, teamSlug }: { rows: InboxRow[]; teamSlug: string }) {
  return (
    <ul className="divide-y rounded-lg border" data-testid="inbox-list">
      {rows.map((r) => (
        <li key={r.id} data-testid="inbox-row" data-unread={r.unread ? "true" : "false"}>
          <Link href={`/${teamSlug}/inbox/${r.id}`} className={cn("grid gap-1 px-4 py-3 hover:bg-accent/50 sm:grid-cols-[14rem_minmax(0,1fr)_auto] sm:items-center sm:gap-4", r.unread && "bg-primary/[0.03]")}>
            <div className="flex min-w-0 items-center gap-2">
              {r.unread ? <span className="size-2 shrink-0 rounded-full bg-primary" aria-label="Unread" /> : <span className="size-2 shrink-0" aria-hidden />}
              <div className="min-w-0">
                <div className={cn("truncate text-sm", r.unread ? "font-semibold" : "text-foreground/90")}>{r.leadName ?? r.leadEmail ?? r.fromAddress}</div>
                <div className="truncate text-xs text-muted-foreground">{r.leadEmail ?? r.fromAddress}</div>
              </div>
            </div>
            <div className="min-w-0">
              <div className={cn("truncate text-sm", r.unread && "font-semibold")}>{r.subject || "(no subject)"}</div>
              <div className="truncate text-sm text-muted-foreground" data-testid="inbox-snippet">{r.snippet}</div>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                <IntentBadge intent={r.intent} />
                {r.campaignName ? <span>Campaign: {r.campaignName}</span> : null}
                {r.mailboxEmail ? <span>To {r.mailboxEmail}</span> : null}
              </div>
            </div>
            <div className="text-xs text-muted-foreground sm:text-right">
              <LocalTime iso={r.receivedAt.toISOString()} mode="short" />
              {r.snoozedUntil && r.snoozedUntil > new Date() ? <div>Snoozed until <LocalTime iso={r.snoozedUntil.toISOString()} /></div> : null}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
