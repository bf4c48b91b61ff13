// The lead's history, newest first: emails sent and received, opens, clicks, replies, bounces, unsubscribes.
import { ArrowDownLeft, ArrowUpRight, Ban, Eye, MessageSquareReply, MousePointerClick, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { LeadTimelineItem } from "@/lib/leads/get-lead-timeline";

const EVENT: Record<string, { label: string; icon: typeof Eye }> = {
  open: { label: "Opened", icon: Eye },
  click: { label: "Clicked", icon: MousePointerClick },
  reply: { label: "Replied", icon: MessageSquareReply },
  bounce: { label: "Bounced", icon: TriangleAlert },
  unsubscribe: { label: "Unsubscribed", icon: Ban },
  complaint: { label: "Marked as spam", icon: TriangleAlert },
};

function describe(item: LeadTimelineItem) {
  if (item.kind === "email") {
    const inbound = item.direction === "inbound";
    const label = inbound ? "Email received" : item.status === "sent" ? "Email sent" : `Email ${item.status}`;
    return { Icon: inbound ? ArrowDownLeft : ArrowUpRight, label, detail: item.subject || "(no subject)" };
  }
  const e = EVENT[item.type] ?? { label: item.type, icon: Eye };
  const detail = item.type === "click" && item.destination ? item.destination : item.subject ?? "";
  return { Icon: e.icon, label: e.label, detail };
}

export function LeadTimeline({ items, teamSlug }: { items: LeadTimelineItem[]; teamSlug: string }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">Nothing yet. Emails to and from this lead, opens, clicks and replies appear here.</p>;
  return (
    <ol className="grid gap-3" aria-label="Timeline">
      {items.map((item) => {
        const { Icon, label, detail } = describe(item);
        return (
          <li key={`${item.kind}-${item.id}`} className="flex gap-3 text-sm" data-testid="timeline-item">
            <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{label}</span>
                {item.kind === "event" && item.isMachine ? <Badge variant="outline">automated</Badge> : null}
                <time className="text-xs text-muted-foreground" dateTime={item.at.toISOString()}>{item.at.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
              </div>
              {item.emailId ? (
                <Link href={item.kind === "email" && item.inInbox ? `/${teamSlug}/inbox/${item.emailId}` : `/${teamSlug}/emails/${item.emailId}`} className="block truncate text-muted-foreground hover:underline">{detail}</Link>
              ) : (
                <span className="block truncate text-muted-foreground">{detail}</span>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
