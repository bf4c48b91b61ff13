// Everything one step of an enrolment needs, read (and the enrolment locked) inside the caller's transaction.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignEnrolments, campaigns } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { sequenceStepVariants, sequenceSteps } from "@/db/schema/sequences";
import { notFound } from "@/lib/errors";

export async function loadEnrolmentContext(tx: Tx, { teamId, enrolmentId }: { teamId: string; enrolmentId: string }) {
  const [enrolment] = await tx.select().from(campaignEnrolments).where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.id, enrolmentId))).for("no key update");
  if (!enrolment) throw notFound("That enrolment");
  const [campaign] = await tx.select().from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, enrolment.campaignId)));
  const [lead] = await tx.select().from(leads).where(and(eq(leads.teamId, teamId), eq(leads.id, enrolment.leadId)));
  const steps = campaign.sequenceId
    ? await tx.select().from(sequenceSteps).where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.sequenceId, campaign.sequenceId))).orderBy(asc(sequenceSteps.position))
    : [];
  const step = steps.find((s) => s.position === enrolment.currentStepPosition) ?? null;
  const variants = step
    ? await tx.select().from(sequenceStepVariants).where(and(eq(sequenceStepVariants.teamId, teamId), eq(sequenceStepVariants.stepId, step.id))).orderBy(asc(sequenceStepVariants.label))
    : [];
  const nextStep = step ? (steps.find((s) => s.position > step.position) ?? null) : null;
  return { enrolment, campaign, lead, steps, step, variants, nextStep };
}

export type EnrolmentContext = Awaited<ReturnType<typeof loadEnrolmentContext>>;

/** Why this enrolment must not send anything more, or null while it may. */
export function enrolmentStopReason({ enrolment, campaign, lead }: EnrolmentContext): string | null {
  if (enrolment.status !== "active") return `The enrolment is ${enrolment.status}${enrolment.stopReason ? `: ${enrolment.stopReason}` : ""}.`;
  if (campaign.status !== "running") return `The campaign is ${campaign.status}.`;
  if (!lead) return "The lead was deleted.";
  if (lead.unsubscribedAt) return "The lead unsubscribed.";
  if (lead.bouncedAt) return "The lead's address hard-bounced.";
  // A reply before this enrolment began (to another campaign, months ago) does not stop a new campaign.
  if (lead.repliedAt && lead.repliedAt >= enrolment.createdAt) return "The lead replied.";
  return null;
}
