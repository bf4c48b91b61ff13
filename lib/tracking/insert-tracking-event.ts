// The one shape of an open or click event row: who it belongs to, how it was classified, where it came from.
import "server-only";
import type { Tx } from "@/db";
import { emailEvents } from "@/db/schema/tracking";
import type { RequestMeta } from "./request-meta";

export async function insertTrackingEvent(
  tx: Tx,
  event: {
    teamId: string;
    emailId: string;
    type: "open" | "click";
    linkId?: string;
    email: { leadId: string | null; campaignId: string | null; enrolmentId: string | null };
    verdict: { isMachine: boolean; reason?: string | null };
    meta: RequestMeta;
    now: Date;
  },
) {
  await tx.insert(emailEvents).values({
    teamId: event.teamId,
    emailId: event.emailId,
    leadId: event.email.leadId,
    campaignId: event.email.campaignId,
    enrolmentId: event.email.enrolmentId,
    linkId: event.linkId,
    type: event.type,
    isMachine: event.verdict.isMachine,
    ip: event.meta.ip,
    userAgent: event.meta.userAgent,
    metadata: event.verdict.reason ? { machineReason: event.verdict.reason } : {},
    occurredAt: event.now,
  });
}
