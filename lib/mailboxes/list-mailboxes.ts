import "server-only";
import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { mailboxes, type Mailbox } from "@/db/schema/mailboxes";
import { emailEvents } from "@/db/schema/tracking";
import { notFound } from "@/lib/errors";
import { capForInstant } from "./next-send-slot";

export type MailboxHealth = { sentLast24h: number; capToday: number; bouncesLast30d: number };

/** The team's mailboxes with their health: sends in the last 24 h against today's cap, and recent bounces. */
export async function listMailboxes({ teamId, now = new Date() }: { teamId: string; now?: Date }) {
  const db = await getDb();
  const rows = await db.select().from(mailboxes).where(eq(mailboxes.teamId, teamId)).orderBy(asc(mailboxes.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((m) => m.id);
  const sent = await db
    .select({ mailboxId: emails.mailboxId, n: count() })
    .from(emails)
    .where(and(eq(emails.teamId, teamId), inArray(emails.mailboxId, ids), gt(emails.sentAt, new Date(now.getTime() - 86_400_000))))
    .groupBy(emails.mailboxId);
  const bounces = await db
    .select({ mailboxId: emails.mailboxId, n: count() })
    .from(emailEvents)
    .innerJoin(emails, eq(emails.id, emailEvents.emailId))
    .where(and(eq(emailEvents.teamId, teamId), eq(emailEvents.type, "bounce"), inArray(emails.mailboxId, ids), gt(emailEvents.occurredAt, sql`now() - interval '30 days'`)))
    .groupBy(emails.mailboxId);
  return rows.map((m): Mailbox & { health: MailboxHealth } => ({
    ...m,
    health: {
      sentLast24h: sent.find((s) => s.mailboxId === m.id)?.n ?? 0,
      capToday: capForInstant(m, now),
      bouncesLast30d: bounces.find((b) => b.mailboxId === m.id)?.n ?? 0,
    },
  }));
}

export async function getMailbox({ teamId, mailboxId }: { teamId: string; mailboxId: string }): Promise<Mailbox> {
  const db = await getDb();
  const [row] = await db.select().from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId))).limit(1);
  if (!row) throw notFound("That mailbox");
  return row;
}
