import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { emailEvents, trackedLinks } from "@/db/schema/tracking";

/** One email with everything that happened to it: queued, sent, opens, clicks (human and machine), replies… */
export async function getEmailTimeline({ teamId, emailId }: { teamId: string; emailId: string }) {
  const db = await getDb();
  const [email] = await db.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.id, emailId))).limit(1);
  if (!email) return null;
  const events = await db
    .select({ id: emailEvents.id, type: emailEvents.type, isMachine: emailEvents.isMachine, occurredAt: emailEvents.occurredAt, userAgent: emailEvents.userAgent, metadata: emailEvents.metadata, destination: trackedLinks.destinationUrl })
    .from(emailEvents)
    .leftJoin(trackedLinks, eq(trackedLinks.id, emailEvents.linkId))
    .where(and(eq(emailEvents.teamId, teamId), eq(emailEvents.emailId, emailId)))
    .orderBy(asc(emailEvents.occurredAt));
  return { email, events };
}

export async function listRecentOutboundEmails({ teamId, limit = 20 }: { teamId: string; limit?: number }) {
  const db = await getDb();
  return db
    .select({ id: emails.id, to: emails.toAddresses, subject: emails.subject, status: emails.status, sentAt: emails.sentAt, createdAt: emails.createdAt, openCount: emails.openCount, clickCount: emails.clickCount })
    .from(emails)
    .where(and(eq(emails.teamId, teamId), eq(emails.direction, "outbound")))
    .orderBy(desc(emails.createdAt))
    .limit(limit);
}
