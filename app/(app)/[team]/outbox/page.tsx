import { Send } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { OutboxList } from "@/components/outbox/outbox-list";
import { PageHeader } from "@/components/page-header";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { systemMailTransport } from "@/lib/email/send-system-mail";
import { listTeamOutbox, OUTBOX_PAGE_SIZE } from "@/lib/outbox/list-outbox";
import Link from "next/link";

export const metadata: Metadata = { title: "Outbox" };

export default async function TeamOutboxPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ page?: string }> }) {
  const { team: slug } = await params;
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const ctx = await requireTeamPage(slug, `/${slug}/outbox`);
  const rows = await listTeamOutbox({ teamId: ctx.teamId, page });
  const local = systemMailTransport() === "local-outbox";
  return (
    <>
      <PageHeader
        title="Outbox"
        description={local ? "No mail provider is configured, so every message this team sends is captured here instead of leaving the machine." : "Messages captured locally before a mail provider was configured."}
      />
      {rows.length === 0 ? (
        <EmptyState icon={Send} title="Nothing sent yet" description="Invitations and, later, campaign emails from this team appear here." />
      ) : (
        <>
          <OutboxList rows={rows.slice(0, OUTBOX_PAGE_SIZE)} hrefFor={(id) => `/${slug}/outbox/${id}`} />
          <div className="mt-4 flex justify-between text-sm">
            {page > 1 ? <Link href={`?page=${page - 1}`}>← Newer</Link> : <span />}
            {rows.length > OUTBOX_PAGE_SIZE ? <Link href={`?page=${page + 1}`}>Older →</Link> : null}
          </div>
        </>
      )}
    </>
  );
}
