// After the send step: move the enrolment on from what the email row says happened (the row is the truth, so a
// retried step records the same thing): sent → next step's due time or completed; cancelled → why it stopped;
// failed → the enrolment fails with the provider's reason.
import "server-only";
import { engineNow } from "@/lib/jobs/clock";
import { and, eq, sql } from "drizzle-orm";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { campaignZone } from "./campaign-window";
import { loadEnrolmentContext } from "./load-enrolment-context";
import { addStepDelay } from "@/lib/sequences/step-delay";

export type StepOutcome = { kind: "next"; dueAt: string } | { kind: "completed" } | { kind: "stopped"; reason: string };

export async function recordStepOutcome({ teamId, enrolmentId, emailId, now = engineNow() }: { teamId: string; enrolmentId: string; emailId: string; now?: Date }): Promise<StepOutcome> {
  const outcome = await recordOnEnrolment({ teamId, enrolmentId, emailId, now });
  // Its own transaction: locking the lead while holding the enrolment would invert the lead → enrolment order
  // that unsubscribe and reply take, and deadlock with them.
  if (outcome.kind !== "stopped") {
    await teamScope(teamId, (tx) =>
      tx.update(leads).set({ status: "contacted" }).where(and(eq(leads.teamId, teamId), eq(leads.id, sql`(select lead_id from campaign_enrolments where id = ${enrolmentId}::uuid and team_id = ${teamId}::uuid)`), eq(leads.status, "new"))),
    );
  }
  return outcome;
}

async function recordOnEnrolment({ teamId, enrolmentId, emailId, now }: { teamId: string; enrolmentId: string; emailId: string; now: Date }): Promise<StepOutcome> {
  return teamScope(teamId, async (tx) => {
    const [email] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.id, emailId)));
    if (!email) throw notFound("That email");
    const ctx = await loadEnrolmentContext(tx, { teamId, enrolmentId });
    const { enrolment } = ctx;
    const where = and(eq(campaignEnrolments.teamId, teamId), eq(campaignEnrolments.id, enrolmentId));

    if (email.status === "sent") {
      const sentAt = email.sentAt ?? now;
      if (enrolment.currentStepPosition <= email.stepPosition!) {
        const next = ctx.steps.find((s) => s.position > email.stepPosition!);
        const [mailbox] = email.mailboxId ? await tx.select({ timezone: mailboxes.timezone }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, email.mailboxId))) : [];
        const zone = campaignZone(ctx.campaign, ctx.lead ?? { timezone: null }, { timezone: mailbox?.timezone ?? "UTC" });
        const dueAt = next ? addStepDelay(sentAt, next, zone) : null;
        await tx
          .update(campaignEnrolments)
          .set({
            currentStepPosition: email.stepPosition! + 1,
            lastSentAt: sentAt,
            lastEventAt: now,
            nextStepAt: dueAt,
            ...(next ? {} : enrolment.status === "active" ? { status: "completed" as const, completedAt: now } : {}),
          })
          .where(where);
        return dueAt ? { kind: "next", dueAt: dueAt.toISOString() } : { kind: "completed" };
      }
      return enrolment.nextStepAt && enrolment.status === "active" ? { kind: "next", dueAt: enrolment.nextStepAt.toISOString() } : { kind: "completed" };
    }

    const reason = email.statusReason ?? `The email is ${email.status}.`;
    if (enrolment.status === "active") {
      const status = email.status === "failed" ? "failed" : ctx.lead?.unsubscribedAt ? "unsubscribed" : ctx.lead?.bouncedAt ? "bounced" : ctx.lead?.repliedAt ? "replied" : "stopped";
      await tx.update(campaignEnrolments).set({ status, stopReason: reason, nextStepAt: null, lastEventAt: now }).where(where);
    }
    return { kind: "stopped", reason };
  });
}
