// One sequence step for one enrolment, up to the reserved slot: check the enrolment may still send, evaluate the
// step's condition, pick the variant (weighted, sticky) and the mailbox (sticky), render, write the `emails` row
// in `queued` under the key "enrolment:<id>:step:<n>", and reserve its slot. Safe to run twice: the second run
// finds the row by its key and returns the same slot.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignEnrolments, campaignMailboxes, type EnrolmentStatus } from "@/db/schema/campaigns";
import { emails, type Email } from "@/db/schema/emails";
import { mailboxes, type Mailbox } from "@/db/schema/mailboxes";
import { scoreEmail } from "@/lib/ai/score-email";
import { htmlToText } from "@/lib/email/mime/html-to-text";
import { newMessageId } from "@/lib/email/mime/message-id";
import { leadVariables } from "@/lib/email/render/lead-variables";
import { renderEmailContent } from "@/lib/email/render/render-email-content";
import { AppError } from "@/lib/errors";
import { findSuppression } from "@/lib/sending/is-suppressed";
import { teamScope } from "@/lib/teams/team-scope";
import { campaignZone } from "./campaign-window";
import { chooseWeighted } from "./choose-weighted";
import { enrolmentStopReason, loadEnrolmentContext, type EnrolmentContext } from "./load-enrolment-context";
import { reserveCampaignSlot } from "./reserve-campaign-slot";
import { addStepDelay } from "@/lib/sequences/step-delay";

export type QueuedStep =
  | { kind: "queued"; emailId: string; slot: string; position: number }
  | { kind: "skipped"; position: number; dueAt: string | null }
  | { kind: "stopped"; reason: string }
  | { kind: "completed" };

export const stepIdempotencyKey = (enrolmentId: string, position: number) => `enrolment:${enrolmentId}:step:${position}`;

async function endEnrolment(tx: Tx, ctx: EnrolmentContext, status: EnrolmentStatus, reason: string | null, now: Date) {
  await tx
    .update(campaignEnrolments)
    .set({ status, stopReason: reason, nextStepAt: null, ...(status === "completed" ? { completedAt: now } : {}) })
    .where(and(eq(campaignEnrolments.teamId, ctx.enrolment.teamId), eq(campaignEnrolments.id, ctx.enrolment.id)));
}

/** The status an enrolment ends in when the lead itself says stop; null when the stop is about the campaign. */
function leadStopStatus(ctx: EnrolmentContext): EnrolmentStatus | null {
  if (!ctx.lead) return "stopped";
  if (ctx.lead.unsubscribedAt) return "unsubscribed";
  if (ctx.lead.bouncedAt) return "bounced";
  if (ctx.lead.repliedAt && ctx.lead.repliedAt >= ctx.enrolment.createdAt) return "replied";
  return null;
}

/** Whether the step's condition lets it go, and in words why (kept on the email as part of "why it was sent"). */
async function evaluateCondition(tx: Tx, ctx: EnrolmentContext): Promise<{ met: boolean; detail: string }> {
  const condition = ctx.step!.condition;
  if (ctx.step!.position === 0 || condition === "always") return { met: true, detail: "Sent to everyone at this step." };
  // Replies have already stopped the enrolment; the send claim checks again just before sending.
  if (condition === "no_reply") return { met: true, detail: "No reply from the lead so far." };
  const sent = await tx
    .select({ firstOpenedAt: emails.firstOpenedAt, firstClickedAt: emails.firstClickedAt })
    .from(emails)
    .where(and(eq(emails.teamId, ctx.enrolment.teamId), eq(emails.enrolmentId, ctx.enrolment.id), eq(emails.direction, "outbound"), isNotNull(emails.sentAt)));
  const opened = sent.some((e) => e.firstOpenedAt);
  const clicked = sent.some((e) => e.firstClickedAt);
  if (condition === "opened") return { met: opened, detail: opened ? "The lead opened an earlier email (human open)." : "No human open of an earlier email." };
  if (condition === "not_opened") return { met: !opened, detail: opened ? "The lead opened an earlier email." : "The lead has not opened an earlier email." };
  return { met: clicked, detail: clicked ? "The lead clicked a link in an earlier email." : "No click on an earlier email." };
}

async function pickMailbox(tx: Tx, ctx: EnrolmentContext): Promise<Mailbox> {
  const { teamId, id: campaignId } = ctx.campaign;
  const rotation = await tx
    .select({ mailbox: mailboxes, weight: campaignMailboxes.weight })
    .from(campaignMailboxes)
    .innerJoin(mailboxes, and(eq(mailboxes.id, campaignMailboxes.mailboxId), eq(mailboxes.teamId, teamId)))
    .where(and(eq(campaignMailboxes.teamId, teamId), eq(campaignMailboxes.campaignId, campaignId)))
    .orderBy(asc(mailboxes.email));
  const assigned = rotation.find((r) => r.mailbox.id === ctx.enrolment.assignedMailboxId)?.mailbox;
  // Follow-ups stay on the mailbox that started the thread; it waits (the step retries) while that mailbox is down.
  if (assigned && (assigned.status === "active" || ctx.step!.position > 0)) return assigned;
  const live = rotation.filter((r) => r.mailbox.status === "active");
  const chosen = chooseWeighted(live, `${ctx.enrolment.id}:mailbox`)?.mailbox;
  if (!chosen) throw new AppError("unavailable", `None of the campaign's mailboxes can send right now; the step waits until one is reconnected.`);
  return chosen;
}

/** The row lock serialises slot reservations on one mailbox, across processes. */
async function lockMailbox(tx: Tx, teamId: string, mailboxId: string): Promise<Mailbox> {
  const [locked] = await tx.select().from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, mailboxId))).for("update");
  return locked;
}

async function threadOf(tx: Tx, ctx: EnrolmentContext): Promise<Pick<Email, "subject" | "messageId" | "threadId" | "providerThreadId" | "referencesHeader"> | null> {
  if (ctx.step!.position === 0 || !ctx.step!.sameThread) return null;
  const sent = await tx
    .select()
    .from(emails)
    .where(and(eq(emails.teamId, ctx.enrolment.teamId), eq(emails.enrolmentId, ctx.enrolment.id), eq(emails.direction, "outbound"), inArray(emails.status, ["sent"])))
    .orderBy(asc(emails.stepPosition));
  return sent.at(-1) ?? null;
}

const reSubject = (subject: string) => (/^re:/i.test(subject.trim()) ? subject.trim() : `Re: ${subject.trim()}`);

export async function queueEnrolmentStep({ teamId, enrolmentId, now = engineNow() }: { teamId: string; enrolmentId: string; now?: Date }): Promise<QueuedStep> {
  return teamScope(teamId, async (tx) => {
    const ctx = await loadEnrolmentContext(tx, { teamId, enrolmentId });
    if (ctx.enrolment.status === "completed") return { kind: "completed" };
    const stop = enrolmentStopReason(ctx);
    if (stop) {
      const status = ctx.enrolment.status === "active" ? leadStopStatus(ctx) : null;
      if (status) await endEnrolment(tx, ctx, status, stop, now);
      return { kind: "stopped", reason: stop };
    }
    const { enrolment, campaign, lead, step } = ctx;
    if (!step) {
      await endEnrolment(tx, ctx, "completed", null, now);
      return { kind: "completed" };
    }
    const suppressed = await findSuppression(tx, { teamId, address: lead.email });
    if (suppressed) {
      const reason = `${lead.email} is on the suppression list (${suppressed.reason.replace("_", " ")}).`;
      await endEnrolment(tx, ctx, suppressed.reason === "unsubscribed" ? "unsubscribed" : "stopped", reason, now);
      return { kind: "stopped", reason };
    }

    const key = stepIdempotencyKey(enrolment.id, step.position);
    const [existing] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.idempotencyKey, key)));
    if (existing && existing.status === "queued" && existing.scheduledFor) {
      return { kind: "queued", emailId: existing.id, slot: existing.scheduledFor.toISOString(), position: step.position }; // a retried step
    }
    if (existing && existing.status !== "queued" && existing.status !== "cancelled") {
      // Sent, sending or failed already: the send step records what happened.
      return { kind: "queued", emailId: existing.id, slot: (existing.scheduledFor ?? now).toISOString(), position: step.position };
    }

    const condition = existing ? null : await evaluateCondition(tx, ctx);
    if (condition && !condition.met) {
      const dueAt = ctx.nextStep ? addStepDelay(now, ctx.nextStep, lead.timezone ?? campaign.timezone ?? "UTC") : null;
      await tx
        .update(campaignEnrolments)
        .set({ currentStepPosition: step.position + 1, nextStepAt: dueAt, lastEventAt: now })
        .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.id, enrolment.id)));
      return { kind: "skipped", position: step.position, dueAt: dueAt?.toISOString() ?? null };
    }

    const mailbox = await lockMailbox(tx, teamId, existing?.mailboxId ?? (await pickMailbox(tx, ctx)).id);
    const timezone = campaignZone(campaign, lead, mailbox);
    let emailId = existing?.id;
    if (existing) {
      // Queued before a pause (its slot released) or cancelled by the pause: the enrolment is active again.
      await tx.update(emails).set({ status: "queued", statusReason: null, scheduledFor: null }).where(and(eq(emails.teamId, teamId), eq(emails.id, existing.id)));
    } else {
      const variant = ctx.variants.find((v) => v.id === enrolment.variantAssignments[step.id]) ?? chooseWeighted(ctx.variants, `${enrolment.id}:${step.id}`);
      if (!variant) throw new AppError("conflict", `Step ${step.position + 1} of the sequence has no variant with a weight above 0.`);
      const thread = await threadOf(tx, ctx);
      emailId = randomUUID();
      let content;
      try {
        const subject = variant.subject ?? (thread ? reSubject(thread.subject) : "");
        content = renderEmailContent({ template: { subject, html: variant.bodyHtml, text: variant.bodyText }, values: leadVariables(lead), seed: emailId });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await endEnrolment(tx, ctx, "failed", `Step ${step.position + 1} could not be written for this lead: ${error.message}`, now);
        return { kind: "stopped", reason: error.message };
      }
      if (thread && !variant.subject) content.subject = reSubject(thread.subject);
      if (campaign.minEmailScore !== null) {
        const { score } = scoreEmail({ subject: content.subject, body: content.text ?? htmlToText(content.html), lead: { firstName: lead.firstName ?? undefined, company: lead.company ?? undefined } });
        if (score < campaign.minEmailScore) {
          const reason = `Step ${step.position + 1} (variant ${variant.label}) scored ${score}, below the campaign's minimum of ${campaign.minEmailScore}.`;
          await endEnrolment(tx, ctx, "failed", reason, now);
          return { kind: "stopped", reason };
        }
      }
      await tx.insert(emails).values({
        id: emailId,
        teamId,
        direction: "outbound",
        enrolmentId: enrolment.id,
        campaignId: campaign.id,
        leadId: lead.id,
        stepPosition: step.position,
        variantId: variant.id,
        mailboxId: mailbox.id,
        fromAddress: mailbox.email,
        fromName: mailbox.displayName,
        toAddresses: [lead.email],
        subject: content.subject,
        bodyHtml: content.html,
        bodyText: content.text,
        messageId: newMessageId(mailbox.email),
        inReplyTo: thread?.messageId ?? null,
        referencesHeader: thread ? [thread.referencesHeader, thread.messageId].filter(Boolean).join(" ") : null,
        ...(thread ? { threadId: thread.threadId, providerThreadId: thread.providerThreadId } : {}),
        status: "queued",
        idempotencyKey: key,
        trackOpens: campaign.trackOpens,
        trackClicks: campaign.trackClicks,
        sendRecord: {
          step: {
            position: step.position,
            condition: step.condition,
            conditionMet: true,
            conditionDetail: condition?.detail,
            variant: `${variant.label} (weight ${variant.weight} of ${ctx.variants.reduce((sum, v) => sum + v.weight, 0)})`,
            mailbox: mailbox.email,
          },
          queuedAt: now.toISOString(),
        },
      });
      await tx
        .update(campaignEnrolments)
        .set({ assignedMailboxId: mailbox.id, variantAssignments: { ...enrolment.variantAssignments, [step.id]: variant.id }, lastEventAt: now })
        .where(and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.id, enrolment.id)));
    }
    const slot = await reserveCampaignSlot(tx, { teamId, emailId: emailId!, campaign, mailbox, timezone, notBefore: enrolment.nextStepAt ?? now, now });
    return { kind: "queued", emailId: emailId!, slot: slot.toISOString(), position: step.position };
  });
}
