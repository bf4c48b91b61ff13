// In one transaction: lock the email, re-check everything that forbids sending it, and move it queued → sending.
// A reply, unsubscribe, bounce or suppression that committed before this transaction stops the send.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails, type Email, type SendCheck } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { AppError, notFound } from "@/lib/errors";
import { findSuppression } from "./is-suppressed";

export type Claim =
  | { kind: "send"; email: Email }
  | { kind: "recover"; email: Email } // found in `sending`: an earlier attempt may have reached the provider
  | { kind: "done"; email: Email; reason: string };

/** Every re-check, in order; the first failed one is the reason not to send. Passed ones become "why it was sent". */
async function evaluateChecks(tx: Tx, email: Email): Promise<SendCheck[]> {
  const checks: SendCheck[] = [];
  let lead: { unsubscribedAt: Date | null; bouncedAt: Date | null; repliedAt: Date | null } | undefined;
  if (email.leadId) {
    [lead] = await tx.select().from(leads).where(and(eq(leads.teamId, email.teamId), eq(leads.id, email.leadId))).for("share");
    checks.push({ name: "The lead has not unsubscribed", passed: !lead?.unsubscribedAt, detail: lead?.unsubscribedAt ? "The lead unsubscribed." : undefined });
    checks.push({ name: "The lead's address has not hard-bounced", passed: !lead?.bouncedAt, detail: lead?.bouncedAt ? "The lead's address hard-bounced." : undefined });
  }
  if (email.enrolmentId) {
    const [enrolment] = await tx.select({ status: campaignEnrolments.status, createdAt: campaignEnrolments.createdAt }).from(campaignEnrolments).where(and(eq(campaignEnrolments.teamId, email.teamId), eq(campaignEnrolments.id, email.enrolmentId))).for("share");
    // A soft bounce's retry repeats a step already taken, so an enrolment that has since completed still allows it.
    const active = !enrolment || enrolment.status === "active" || (!!email.sendRecord?.retryOf && enrolment.status === "completed");
    checks.push({ name: "The enrolment is active", passed: active, detail: active ? undefined : enrolment!.status === "replied" ? "The lead replied." : `The enrolment is ${enrolment!.status}.` });
    // Any reply since the lead entered this campaign stops it (an old reply to an earlier campaign does not).
    const replied = !!lead?.repliedAt && (!enrolment || lead.repliedAt >= enrolment.createdAt);
    checks.push({ name: "No reply since the lead was enrolled", passed: !replied, detail: replied ? "The lead replied." : undefined });
  }
  for (const address of email.toAddresses) {
    const suppressed = await findSuppression(tx, { teamId: email.teamId, address });
    checks.push({ name: `${address} is not on the suppression list`, passed: !suppressed, detail: suppressed ? `${address} is suppressed (${suppressed.reason.replace("_", " ")}).` : undefined });
  }
  return checks;
}

// Timing is the send function's sleep; this only decides whether the email may still go at all.
export async function claimForSending(
  tx: Tx,
  { teamId, emailId, extraChecks = [] }: { teamId: string; emailId: string; /** Checks made before the transaction (the inbox re-read). */ extraChecks?: SendCheck[] },
): Promise<Claim> {
  const [email] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.id, emailId))).for("update");
  if (!email) throw notFound("That email");
  if (email.status === "sending") return { kind: "recover", email };
  if (email.status !== "queued") {
    // Stopped while the send step was reading the inbox (a reply it found): keep that check in the record too.
    if (email.status === "cancelled" && extraChecks.length) {
      const record = { ...(email.sendRecord ?? {}), checks: [...extraChecks, ...(email.sendRecord?.checks ?? [])] };
      await tx.update(emails).set({ sendRecord: record }).where(and(eq(emails.teamId, teamId), eq(emails.id, email.id)));
      return { kind: "done", email: { ...email, sendRecord: record }, reason: `already ${email.status}` };
    }
    return { kind: "done", email, reason: `already ${email.status}` };
  }

  const checks = [...extraChecks, ...(await evaluateChecks(tx, email))];
  const failed = checks.find((c) => !c.passed);
  const reason = failed ? (failed.detail ?? failed.name) : null;
  if (reason) {
    const [cancelled] = await tx.update(emails).set({ status: "cancelled", statusReason: reason, sendRecord: { ...(email.sendRecord ?? {}), checks, checkedAt: new Date().toISOString() } }).where(and(eq(emails.teamId, teamId), eq(emails.id, email.id))).returning();
    return { kind: "done", email: cancelled, reason };
  }
  const [mailbox] = await tx.select({ status: mailboxes.status, email: mailboxes.email }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, email.mailboxId!))).for("share");
  if (!mailbox || mailbox.status !== "active") {
    // Not a failure of this email: it waits, queued, until the mailbox is fixed; the step retries later.
    throw new AppError("unavailable", `The mailbox ${mailbox?.email ?? ""} is ${mailbox?.status ?? "gone"}; the email stays queued.`);
  }
  const [claimed] = await tx
    .update(emails)
    .set({
      status: "sending",
      attemptCount: email.attemptCount + 1,
      sendRecord: { ...(email.sendRecord ?? {}), checks: [...checks, { name: `The mailbox ${mailbox.email} is active`, passed: true }], checkedAt: new Date().toISOString() },
    })
    .where(and(eq(emails.teamId, teamId), eq(emails.id, email.id)))
    .returning();
  return { kind: "send", email: claimed };
}
