// The enrolments table on a campaign's page: who is where in the sequence, and why they stopped.
import "server-only";
import { inOrder } from "@/db/in-order";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { campaignEnrolments, enrolmentStatus } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { teamScope } from "@/lib/teams/team-scope";

export const ENROLMENTS_PAGE_SIZE = 50;

/** The page's query string (?status=&page=); anything unknown falls back to "all, page 1". */
export const enrolmentListQuerySchema = z.object({
  status: z.enum(enrolmentStatus.enumValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export async function listEnrolments({ teamId, campaignId, status, page = 1 }: { teamId: string; campaignId: string; status?: (typeof enrolmentStatus.enumValues)[number]; page?: number }) {
  return teamScope(teamId, async (tx) => {
    const where = and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.campaignId, campaignId), status ? eq(campaignEnrolments.status, status) : undefined);
    const [rows, [{ total }]] = await inOrder([
      () => tx
        .select({
          id: campaignEnrolments.id,
          leadId: campaignEnrolments.leadId,
          email: leads.email,
          firstName: leads.firstName,
          lastName: leads.lastName,
          status: campaignEnrolments.status,
          stopReason: campaignEnrolments.stopReason,
          stepPosition: campaignEnrolments.currentStepPosition,
          nextStepAt: campaignEnrolments.nextStepAt,
          mailboxEmail: mailboxes.email,
        })
        .from(campaignEnrolments)
        .innerJoin(leads, eq(leads.id, campaignEnrolments.leadId))
        .leftJoin(mailboxes, eq(mailboxes.id, campaignEnrolments.assignedMailboxId))
        .where(where)
        .orderBy(desc(campaignEnrolments.createdAt), asc(campaignEnrolments.id))
        .limit(ENROLMENTS_PAGE_SIZE)
        .offset((page - 1) * ENROLMENTS_PAGE_SIZE),
      () => tx.select({ total: count() }).from(campaignEnrolments).where(where)
    ]);
    return { rows, total };
  });
}
