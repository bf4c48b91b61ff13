// Ties an inbound message to what we sent, strongest evidence first: its In-Reply-To, then its References, then the
// provider's thread id, then the sender's address (a lead), then — for campaigns that stop on the whole company —
// the sender's domain.
import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { queryRows } from "@/db/query-rows";
import { emails, type MatchMethod } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";

export type MatchedOutbound = { id: string; leadId: string | null; campaignId: string | null; enrolmentId: string | null; threadId: string; sentAt: Date | null };
export type InboundMatch = { outbound: MatchedOutbound | null; leadId: string | null; matchedBy: MatchMethod | null };

const outboundColumns = { id: emails.id, leadId: emails.leadId, campaignId: emails.campaignId, enrolmentId: emails.enrolmentId, threadId: emails.threadId, sentAt: emails.sentAt };
const NO_MATCH: InboundMatch = { outbound: null, leadId: null, matchedBy: null };

async function byMessageIds(tx: Tx, teamId: string, ids: string[]): Promise<(MatchedOutbound & { messageId: string | null })[]> {
  if (!ids.length) return [];
  return tx
    .select({ ...outboundColumns, messageId: emails.messageId })
    .from(emails)
    .where(and(eq(emails.teamId, teamId), eq(emails.direction, "outbound"), inArray(emails.messageId, ids)));
}

/** The last email we sent this lead (from this mailbox when there is one), for a reply matched by address. */
async function lastSentTo(tx: Tx, { teamId, leadId, mailboxId }: { teamId: string; leadId: string; mailboxId: string }): Promise<MatchedOutbound | null> {
  const [row] = await tx
    .select(outboundColumns)
    .from(emails)
    .where(and(eq(emails.teamId, teamId), eq(emails.leadId, leadId), eq(emails.direction, "outbound"), eq(emails.status, "sent")))
    .orderBy(sql`(${emails.mailboxId} = ${mailboxId}::uuid) desc`, desc(emails.sentAt))
    .limit(1);
  return row ?? null;
}

export async function matchInboundMessage(
  tx: Tx,
  {
    teamId,
    mailboxId,
    inReplyTo,
    references,
    providerThreadId,
    senderAddress,
  }: { teamId: string; mailboxId: string; inReplyTo: string | null; references: string[]; providerThreadId: string | null; senderAddress: string | null },
): Promise<InboundMatch> {
  const found = await byMessageIds(tx, teamId, [...new Set([inReplyTo, ...references].filter((x): x is string => !!x))]);
  if (found.length) {
    const direct = found.find((f) => f.messageId === inReplyTo);
    // Without a direct hit, the newest of ours the References name (References run oldest → newest).
    const viaRefs = [...references].reverse().map((id) => found.find((f) => f.messageId === id)).find(Boolean);
    const outbound = direct ?? viaRefs!;
    return { outbound, leadId: outbound.leadId, matchedBy: direct ? "in_reply_to" : "references" };
  }

  if (providerThreadId) {
    const [row] = await tx
      .select(outboundColumns)
      .from(emails)
      .where(and(eq(emails.teamId, teamId), eq(emails.mailboxId, mailboxId), eq(emails.direction, "outbound"), eq(emails.providerThreadId, providerThreadId)))
      .orderBy(desc(emails.createdAt))
      .limit(1);
    if (row) return { outbound: row, leadId: row.leadId, matchedBy: "provider_thread" };
  }

  if (!senderAddress) return NO_MATCH;
  const [lead] = await tx.select({ id: leads.id }).from(leads).where(and(eq(leads.teamId, teamId), eq(leads.email, senderAddress))).limit(1);
  if (lead) return { outbound: await lastSentTo(tx, { teamId, leadId: lead.id, mailboxId }), leadId: lead.id, matchedBy: "sender" };

  // Someone else at a company we are writing to, in a campaign that stops on the whole domain: the lead there we
  // wrote to last stands for them.
  const domain = senderAddress.split("@")[1];
  if (!domain) return NO_MATCH;
  const rows = await queryRows<{ lead_id: string }>(tx, sql`
    select e.lead_id from campaign_enrolments e
      join campaigns c on c.id = e.campaign_id and c.team_id = ${teamId}::uuid
      join leads l on l.id = e.lead_id and l.team_id = ${teamId}::uuid
    where e.team_id = ${teamId}::uuid and c.stop_scope = 'domain' and l.email_domain = ${domain} and e.status in ('active', 'paused')
    order by e.last_sent_at desc nulls last limit 1`);
  const colleague = rows[0]?.lead_id;
  if (!colleague) return NO_MATCH;
  return { outbound: await lastSentTo(tx, { teamId, leadId: colleague, mailboxId }), leadId: colleague, matchedBy: "domain" };
}
