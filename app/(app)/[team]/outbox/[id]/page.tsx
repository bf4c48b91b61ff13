import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RecipientReplyForm } from "@/components/inbox/recipient-reply-form";
import { OutboxMessageView } from "@/components/outbox/outbox-message-view";
import { PageHeader } from "@/components/page-header";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { findLocalOutboxSend } from "@/lib/inbox/reply-as-recipient";
import { getTeamOutboxMessage } from "@/lib/outbox/list-outbox";
import { replyAsRecipientAction } from "./actions";

export const metadata: Metadata = { title: "Outbox message" };

export default async function TeamOutboxMessagePage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/outbox/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const message = await getTeamOutboxMessage({ teamId: ctx.teamId, id });
  if (!message) notFound();
  // Only mail a local mailbox sent can be answered here; system mail and real providers get real replies.
  const localSend = await findLocalOutboxSend({ teamId: ctx.teamId, outboxMessageId: id });
  return (
    <>
      <PageHeader title={message.subject} actions={<Link href={`/${slug}/outbox`} className="text-sm underline underline-offset-4">Back to outbox</Link>} />
      <div className="grid gap-6">
        <OutboxMessageView message={message} />
        {localSend ? <RecipientReplyForm outboxMessageId={id} recipient={localSend.email.toAddresses[0]} teamSlug={slug} action={replyAsRecipientAction.bind(null, slug)} /> : null}
      </div>
    </>
  );
}
