import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReplyForm } from "@/components/inbox/reply-form";
import { ThreadMessage } from "@/components/inbox/thread-message";
import { ThreadSidePanel } from "@/components/inbox/thread-side-panel";
import { PageHeader } from "@/components/page-header";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { getInboxThread } from "@/lib/inbox/get-inbox-thread";
import { markInboxRead } from "@/lib/inbox/mark-inbox-read";
import { replySubject } from "@/lib/inbox/reply-to-thread.schema";
import { addReferralLeadAction, replyToThreadAction, snoozeReplyAction, updateReplyIntentAction } from "../actions";

export const metadata: Metadata = { title: "Conversation" };

export default async function InboxThreadPage({ params }: { params: Promise<{ team: string; emailId: string }> }) {
  const { team: slug, emailId } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/inbox/${emailId}`);
  if (!z.uuid().safeParse(emailId).success) notFound();
  const thread = await getInboxThread({ teamId: ctx.teamId, emailId });
  if (!thread) notFound();
  // Opening is reading: the list shows it in normal weight from now on.
  if (!thread.reply.readAt) await markInboxRead({ teamId: ctx.teamId, emailId });
  const { reply, mailbox } = thread;

  return (
    <>
      <PageHeader title={reply.subject || "(no subject)"} actions={<Link href={`/${slug}/inbox`} className="text-sm underline underline-offset-4">Back to inbox</Link>} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="grid gap-4">
          <section aria-label="Conversation" className="grid gap-3">
            {thread.messages.map((m) => <ThreadMessage key={m.id} message={m} highlighted={m.id === reply.id} />)}
          </section>
          <ReplyForm
            emailId={reply.id}
            subject={replySubject(reply.subject)}
            to={reply.fromAddress}
            from={mailbox?.email ?? null}
            action={replyToThreadAction.bind(null, slug)}
          />
        </div>
        <ThreadSidePanel
          thread={thread}
          teamSlug={slug}
          actions={{ intent: updateReplyIntentAction.bind(null, slug), snooze: snoozeReplyAction.bind(null, slug), referral: addReferralLeadAction.bind(null, slug) }}
        />
      </div>
    </>
  );
}
