// Records an open from the pixel. The event row and the human counters commit in one transaction before the
// route answers, so an acknowledged hit is never lost to a crash or restart (see report: durability).
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { teamScope } from "@/lib/teams/team-scope";
import { insertTrackingEvent } from "./insert-tracking-event";
import { classifyMachineTraffic } from "./classify-machine-traffic";
import type { RequestMeta } from "./request-meta";

export async function recordOpen({
  teamId,
  emailId,
  meta,
  rateLimited = false,
  now = new Date(),
}: {
  teamId: string;
  emailId: string;
  meta: RequestMeta;
  rateLimited?: boolean;
  now?: Date;
}): Promise<{ recorded: boolean; isMachine: boolean }> {
  return teamScope(teamId, async (tx) => {
    const [email] = await tx
      .select({ sentAt: emails.sentAt, leadId: emails.leadId, campaignId: emails.campaignId, enrolmentId: emails.enrolmentId })
      .from(emails)
      .where(and(eq(emails.id, emailId), eq(emails.teamId, teamId), eq(emails.direction, "outbound")))
      .limit(1);
    if (!email) return { recorded: false, isMachine: false };
    const verdict = classifyMachineTraffic({ kind: "open", ...meta, sentAt: email.sentAt, now, rateLimited });
    await insertTrackingEvent(tx, { teamId, emailId, type: "open", email: email, verdict, meta, now });
    if (!verdict.isMachine) {
      await tx
        .update(emails)
        .set({ openCount: sql`${emails.openCount} + 1`, firstOpenedAt: sql`coalesce(${emails.firstOpenedAt}, ${now.toISOString()}::timestamptz)` })
        .where(and(eq(emails.id, emailId), eq(emails.teamId, teamId)));
    }
    return { recorded: true, isMachine: verdict.isMachine };
  });
}
