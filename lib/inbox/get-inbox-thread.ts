// One conversation for the thread view: every message sharing the reply's thread_id (what we sent and what
// they wrote), oldest first, and what the side panel needs about the lead, campaign, enrolment and mailbox.
import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { teamScope } from "@/lib/teams/team-scope";
import { inboxRows } from "./inbox-scope";
import { replyText } from "./reply-snippet";

const messageColumns = {
  id: emails.id,
  direction: emails.direction,
  status: emails.status,
  fromAddress: emails.fromAddress,
  fromName: emails.fromName,
  toAddresses: emails.toAddresses,
  ccAddresses: emails.ccAddresses,
  subject: emails.subject,
  bodyText: emails.bodyText,
  bodyHtml: emails.bodyHtml,
  messageId: emails.messageId,
  sentAt: emails.sentAt,
  receivedAt: emails.receivedAt,
  createdAt: emails.createdAt,
  authorUserId: emails.authorUserId,
};

/** null when the id is not an inbox message of this team (the page answers 404). */
export async function getInboxThread({ teamId, emailId }: { teamId: string; emailId: string }) {
  return teamScope(teamId, async (tx) => {
    const [reply] = await tx.select().from(emails).where(and(inboxRows(teamId), eq(emails.id, emailId))).limit(1);
    if (!reply) return null;

    // Ours only once sent (a queued or cancelled draft never reached them); theirs as received.
    const messages = await tx
      .select(messageColumns)
      .from(emails)
      .where(
        and(
          eq(emails.teamId, teamId),
          eq(emails.threadId, reply.threadId),
          or(and(eq(emails.direction, "outbound"), inArray(emails.status, ["sent", "sending", "queued"])), eq(emails.direction, "inbound")),
        ),
      )
      .orderBy(asc(sql`coalesce(${emails.sentAt}, ${emails.receivedAt}, ${emails.createdAt})`), asc(emails.createdAt));

    const [lead] = reply.leadId ? await tx.select().from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, reply.leadId))).limit(1) : [];
    const [campaign] = reply.campaignId
      ? await tx.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, reply.campaignId))).limit(1)
      : [];
    const [enrolment] = reply.enrolmentId
      ? await tx.select({ id: campaignEnrolments.id, status: campaignEnrolments.status }).from(campaignEnrolments).where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.id, reply.enrolmentId))).limit(1)
      : [];
    const [mailbox] = reply.mailboxId
      ? await tx.select({ id: mailboxes.id, email: mailboxes.email, status: mailboxes.status, provider: mailboxes.provider }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, reply.mailboxId))).limit(1)
      : [];

    return {
      reply,
      messages: messages.map((m) => ({
        ...m,
        // Queued/sending are our replies on their way out: shown, labelled, so the rep sees the send happened.
        pending: m.direction === "outbound" && m.status !== "sent",
        at: m.sentAt ?? m.receivedAt ?? m.createdAt,
        text: replyText(m),
      })),
      lead: lead ?? null,
      campaign: campaign ?? null,
      enrolment: enrolment ?? null,
      mailbox: mailbox ?? null,
    };
  });
}
export type InboxThread = NonNullable<Awaited<ReturnType<typeof getInboxThread>>>;
export type ThreadMessage = InboxThread["messages"][number];
