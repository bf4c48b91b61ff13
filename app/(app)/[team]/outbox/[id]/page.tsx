import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { OutboxMessageView } from "@/components/outbox/outbox-message-view";
import { PageHeader } from "@/components/page-header";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { getTeamOutboxMessage } from "@/lib/outbox/list-outbox";

export const metadata: Metadata = { title: "Outbox message" };

export default async function TeamOutboxMessagePage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/outbox/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const message = await getTeamOutboxMessage({ teamId: ctx.teamId, id });
  if (!message) notFound();
  return (
    <>
      <PageHeader title={message.subject} actions={<Link href={`/${slug}/outbox`} className="text-sm underline underline-offset-4">Back to outbox</Link>} />
      <OutboxMessageView message={message} />
    </>
  );
}
