// Everything that happened with a lead, newest first: emails sent and received, opens, clicks, replies, bounces, unsubscribes.
import "server-only";
import { and, desc, eq, notInArray } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { emailEvents, trackedLinks, type EmailEventType } from "@/db/schema/tracking";
import { teamScope } from "@/lib/teams/team-scope";

export type LeadTimelineItem =
  | { kind: "email"; id: string; at: Date; direction: "outbound" | "inbound"; status: string; subject: string; emailId: string; /** A reply a rep can open in the inbox. */ inInbox: boolean }
  | { kind: "event"; id: string; at: Date; type: EmailEventType; isMachine: boolean; emailId: string | null; subject: string | null; destination: string | null };

const LIMIT = 200;

export async function getLeadTimeline({ teamId, leadId }: { teamId: string; leadId: string }): Promise<LeadTimelineItem[]> {
  return teamScope(teamId, async (tx) => {
    const emailRows = await tx
      .select({ id: emails.id, direction: emails.direction, status: emails.status, subject: emails.subject, inboundKind: emails.inboundKind, sentAt: emails.sentAt, receivedAt: emails.receivedAt, createdAt: emails.createdAt })
      .from(emails)
      .where(and(eq(emails.teamId, teamId), eq(emails.leadId, leadId)))
      .orderBy(desc(emails.createdAt))
      .limit(LIMIT);
    const eventRows = await tx
      .select({ id: emailEvents.id, type: emailEvents.type, isMachine: emailEvents.isMachine, occurredAt: emailEvents.occurredAt, emailId: emailEvents.emailId, subject: emails.subject, destination: trackedLinks.destinationUrl })
      .from(emailEvents)
      .leftJoin(emails, and(eq(emails.id, emailEvents.emailId), eq(emails.teamId, teamId)))
      .leftJoin(trackedLinks, and(eq(trackedLinks.id, emailEvents.linkId), eq(trackedLinks.teamId, teamId)))
      // Delivery receipts are plumbing, not something the rep acts on.
      .where(and(eq(emailEvents.teamId, teamId), eq(emailEvents.leadId, leadId), notInArray(emailEvents.type, ["delivered", "deferred"])))
      .orderBy(desc(emailEvents.occurredAt))
      .limit(LIMIT);
    const items: LeadTimelineItem[] = [
      ...emailRows.map((e) => ({
        kind: "email" as const,
        id: e.id,
        emailId: e.id,
        at: (e.direction === "inbound" ? e.receivedAt : e.sentAt) ?? e.createdAt,
        direction: e.direction,
        status: e.status,
        subject: e.subject,
        inInbox: e.direction === "inbound" && (e.inboundKind === "reply" || e.inboundKind === "other"),
      })),
      ...eventRows.map((e) => ({ kind: "event" as const, id: e.id, at: e.occurredAt, type: e.type, isMachine: e.isMachine, emailId: e.emailId, subject: e.subject, destination: e.destination })),
    ];
    return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, LIMIT);
  });
}
