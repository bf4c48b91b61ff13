// The Inbox list: a team's inbound replies, newest first, filtered by view, intent, campaign and mailbox.
import "server-only";
import { and, count, desc, eq, isNull, type SQL } from "drizzle-orm";
import { campaigns } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { teamScope } from "@/lib/teams/team-scope";
import { inboxRows, notSnoozed, snoozed } from "./inbox-scope";
import type { InboxFilter } from "./list-inbox.schema";
import { replySnippet } from "./reply-snippet";

export const INBOX_PAGE_SIZE = 50;

function conditions(teamId: string, filter: InboxFilter, now: Date): SQL[] {
  const where: SQL[] = [inboxRows(teamId)];
  if (filter.view === "snoozed") where.push(snoozed(now));
  else where.push(notSnoozed(now));
  if (filter.view === "unread") where.push(isNull(emails.readAt));
  if (filter.intent) where.push(eq(emails.intent, filter.intent));
  if (filter.campaignId) where.push(eq(emails.campaignId, filter.campaignId));
  if (filter.mailboxId) where.push(eq(emails.mailboxId, filter.mailboxId));
  return where;
}

export async function listInbox({ teamId, filter, now = new Date() }: { teamId: string; filter: InboxFilter; now?: Date }) {
  const where = and(...conditions(teamId, filter, now));
  return teamScope(teamId, async (tx) => {
    const [{ total }] = await tx.select({ total: count() }).from(emails).where(where);
    const rows = await tx
      .select({
        id: emails.id,
        fromAddress: emails.fromAddress,
        fromName: emails.fromName,
        subject: emails.subject,
        bodyText: emails.bodyText,
        bodyHtml: emails.bodyHtml,
        intent: emails.intent,
        receivedAt: emails.receivedAt,
        createdAt: emails.createdAt,
        readAt: emails.readAt,
        snoozedUntil: emails.snoozedUntil,
        leadId: emails.leadId,
        leadFirstName: leads.firstName,
        leadLastName: leads.lastName,
        leadEmail: leads.email,
        campaignId: emails.campaignId,
        campaignName: campaigns.name,
        mailboxEmail: mailboxes.email,
      })
      .from(emails)
      // Joins repeat the team condition: a dangling id never pulls another team's row into the list.
      .leftJoin(leads, and(eq(leads.id, emails.leadId), eq(leads.teamId, teamId)))
      .leftJoin(campaigns, and(eq(campaigns.id, emails.campaignId), eq(campaigns.teamId, teamId)))
      .leftJoin(mailboxes, and(eq(mailboxes.id, emails.mailboxId), eq(mailboxes.teamId, teamId)))
      .where(where)
      .orderBy(desc(emails.receivedAt), desc(emails.id))
      .limit(INBOX_PAGE_SIZE)
      .offset((filter.page - 1) * INBOX_PAGE_SIZE);
    return {
      total,
      pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
      rows: rows.map(({ bodyText, bodyHtml, leadFirstName, leadLastName, ...r }) => ({
        ...r,
        receivedAt: r.receivedAt ?? r.createdAt,
        leadName: [leadFirstName, leadLastName].filter(Boolean).join(" ") || r.fromName || null,
        snippet: replySnippet({ bodyText, bodyHtml }),
        unread: r.readAt === null,
      })),
    };
  });
}
export type InboxRow = Awaited<ReturnType<typeof listInbox>>["rows"][number];

/** Unread, not snoozed: the number on the Inbox nav item. */
export async function countUnreadInbox({ teamId, now = new Date() }: { teamId: string; now?: Date }): Promise<number> {
  return teamScope(teamId, async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(emails).where(and(inboxRows(teamId), notSnoozed(now), isNull(emails.readAt)));
    return n;
  });
}

/** The campaigns and mailboxes the filter selects offer. */
export async function listInboxFilterOptions({ teamId }: { teamId: string }) {
  return teamScope(teamId, async (tx) => {
    const campaignRows = await tx.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(eq(campaigns.teamId, teamId)).orderBy(campaigns.name);
    const mailboxRows = await tx.select({ id: mailboxes.id, email: mailboxes.email }).from(mailboxes).where(eq(mailboxes.teamId, teamId)).orderBy(mailboxes.email);
    return { campaigns: campaignRows, mailboxes: mailboxRows };
  });
}
