// Records a click and returns where to send the reader: the destination stored at send time, nothing else.
// Like opens, the write commits before the redirect is answered.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { emails } from "@/db/schema/emails";
import { trackedLinks } from "@/db/schema/tracking";
import { teamScope } from "@/lib/teams/team-scope";
import { insertTrackingEvent } from "./insert-tracking-event";
import { isSafeRedirectTarget } from "./classify-link";
import { classifyMachineTraffic } from "./classify-machine-traffic";
import type { RequestMeta } from "./request-meta";

export async function recordClick({
  teamId,
  emailId,
  linkId,
  meta,
  rateLimited = false,
  now = new Date(),
}: {
  teamId: string;
  emailId: string;
  linkId: string;
  meta: RequestMeta;
  rateLimited?: boolean;
  now?: Date;
}): Promise<{ destinationUrl: string; isMachine: boolean } | null> {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx
      .select({
        destinationUrl: trackedLinks.destinationUrl,
        sentAt: emails.sentAt,
        leadId: emails.leadId,
        campaignId: emails.campaignId,
        enrolmentId: emails.enrolmentId,
      })
      .from(trackedLinks)
      .innerJoin(emails, and(eq(emails.id, trackedLinks.emailId), eq(emails.teamId, teamId)))
      .where(and(eq(trackedLinks.id, linkId), eq(trackedLinks.emailId, emailId), eq(trackedLinks.teamId, teamId)))
      .limit(1);
    // Checked again here, not only when stored: a row written by older code or by hand never becomes a redirect.
    if (!row || !isSafeRedirectTarget(row.destinationUrl)) return null;
    const verdict = classifyMachineTraffic({ kind: "click", ...meta, sentAt: row.sentAt, now, rateLimited });
    await insertTrackingEvent(tx, { teamId, emailId, type: "click", linkId, email: row, verdict, meta, now });
    if (!verdict.isMachine) {
      await tx
        .update(trackedLinks)
        .set({ clickCount: sql`${trackedLinks.clickCount} + 1`, firstClickedAt: sql`coalesce(${trackedLinks.firstClickedAt}, ${now.toISOString()}::timestamptz)` })
        .where(and(eq(trackedLinks.id, linkId), eq(trackedLinks.teamId, teamId)));
      await tx
        .update(emails)
        .set({ clickCount: sql`${emails.clickCount} + 1`, firstClickedAt: sql`coalesce(${emails.firstClickedAt}, ${now.toISOString()}::timestamptz)` })
        .where(and(eq(emails.id, emailId), eq(emails.teamId, teamId)));
    }
    return { destinationUrl: row.destinationUrl, isMachine: verdict.isMachine };
  });
}
