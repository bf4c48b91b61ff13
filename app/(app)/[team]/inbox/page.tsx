import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { InboxFilters } from "@/components/inbox/inbox-filters";
import { InboxList } from "@/components/inbox/inbox-list";
import { PageHeader } from "@/components/page-header";
import { ListPager } from "@/components/templates/list-pager";
import { Button } from "@/components/ui/button";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { INBOX_PAGE_SIZE, listInbox, listInboxFilterOptions } from "@/lib/inbox/list-inbox";
import { inboxSearchQuery, parseInboxSearchParams } from "@/lib/inbox/list-inbox.schema";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/inbox`);
  const filter = parseInboxSearchParams(await searchParams);
  const [{ rows, total, pages }, options] = await Promise.all([listInbox({ teamId: ctx.teamId, filter }), listInboxFilterOptions({ teamId: ctx.teamId })]);
  const filtered = filter.view !== "all" || !!filter.intent || !!filter.campaignId || !!filter.mailboxId;
  const query = inboxSearchQuery({ ...filter, page: 1 });

  return (
    <>
      <PageHeader title="Inbox" description="Replies from your leads, classified. Open one to read the whole conversation and answer it." />
      <div className="grid gap-4">
        <InboxFilters filter={filter} options={options} />
        {rows.length === 0 && total > 0 ? (
          <EmptyState icon={Inbox} title="This page is past the end" description={`There are ${total} replies on ${pages} page${pages === 1 ? "" : "s"}.`} action={<Button asChild variant="outline" size="sm"><Link href={`/${slug}/inbox${query}`}>Go to page 1</Link></Button>} />
        ) : rows.length === 0 && filtered ? (
          <EmptyState
            icon={Inbox}
            title={filter.view === "snoozed" ? "Nothing snoozed" : "No reply matches"}
            description={filter.view === "snoozed" ? "Snoozed replies wait here and come back to the inbox at the time you chose." : "Try another intent, campaign or mailbox."}
            action={<Button asChild variant="outline" size="sm"><Link href={`/${slug}/inbox`}>Show the whole inbox</Link></Button>}
          />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={Inbox}
            title="No replies yet"
            description="Replies appear here once your campaigns have sent mail and your mailboxes sync. Connect a mailbox that can receive mail to see them."
            action={<Button asChild size="sm"><Link href={`/${slug}/mailboxes`}>Go to Mailboxes</Link></Button>}
          />
        ) : (
          <>
            <InboxList rows={rows} teamSlug={slug} />
            <ListPager
              page={filter.page}
              total={total}
              pageSize={INBOX_PAGE_SIZE}
              noun="replies"
              params={{ view: filter.view === "all" ? undefined : filter.view, intent: filter.intent, campaign: filter.campaignId, mailbox: filter.mailboxId }}
            />
          </>
        )}
      </div>
    </>
  );
}
