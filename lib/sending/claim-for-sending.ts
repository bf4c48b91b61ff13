// In one transaction: lock the email, re-check everything that forbids sending it, and move it queued → sending.
// A reply, unsubscribe, bounce or suppression that committed before this transaction stops the send.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails, type Email } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { mailboxes } from "@/db/schema/mailboxes";
import { AppError, notFound } from "@/lib/errors";
import { findSuppression } from "./is-suppressed";

export type Claim =
  | { kind: "send"; email: Email }
  | { kind: "recover"; email: Email } // found in `sending`: an earlier attempt may have reached the provider
  | { kind: "done"; email: Email; reason: string };

async function blockingReason(tx: Tx, email: Email): Promise<string | null> {
  let lead: { unsubscribedAt: Date | null; bouncedAt: Date | null; repliedAt: Date | null } | undefined;
  if (email.leadId) {
    [lead] = await tx.select().from(leads).where(and(eq(leads.teamId, email.teamId), eq(leads.id, email.leadId))).for("share");
    if (lead?.unsubscribedAt) return "The lead unsubscribed.";
    if (lead?.bouncedAt) return "The lead's address hard-bounced.";
  }
  if (email.enrolmentId) {
    const [enrolment] = await tx.select({ status: campaignEnrolments.status, createdAt: campaignEnrolments.createdAt }).from(campaignEnrolments).where(and(eq(campaignEnrolments.teamId, email.teamId), eq(campaignEnrolments.id, email.enrolmentId))).for("share");
    if (enrolment && enrolment.status !== "active") return `The enrolment is ${enrolment.status}.`;
    // Any reply since the lead entered this campaign stops it (an old reply to an earlier campaign does not).
    if (lead?.repliedAt && (!enrolment || lead.repliedAt >= enrolment.createdAt)) return "The lead replied.";
  }
  for (const address of email.toAddresses) {
    const suppressed = await findSuppression(tx, { teamId: email.teamId, address });
    if (suppressed) return `${address} is suppressed (${suppressed.reason.replace("_", " ")}).`;
  }
  return null;
}

// Timing is the send function's sleep; this only decides whether the email may still go at all.
export async function claimForSending(tx: Tx, { teamId, emailId }: { teamId: string; emailId: string }): Promise<Claim> {
  const [email] = await tx.select().from(emails).where(and(eq(emails.teamId, teamId), eq(emails.id, emailId))).for("update");
  if (!email) throw notFound("That email");
  if (email.status === "sending") return { kind: "recover", email };
  if (email.status !== "queued") return { kind: "done", email, reason: `already ${email.status}` };

  const reason = await blockingReason(tx, email);
  if (reason) {
    const [cancelled] = await tx.update(emails).set({ status: "cancelled", statusReason: reason }).where(and(eq(emails.teamId, teamId), eq(emails.id, email.id))).returning();
    return { kind: "done", email: cancelled, reason };
  }
  const [mailbox] = await tx.select({ status: mailboxes.status, email: mailboxes.email }).from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, email.mailboxId!))).for("share");
  if (!mailbox || mailbox.status !== "active") {
    // Not a failure of this email: it waits, queued, until the mailbox is fixed; the step retries later.
    throw new AppError("unavailable", `The mailbox ${mailbox?.email ?? ""} is ${mailbox?.status ?? "gone"}; the email stays queued.`);
  }
  const [claimed] = await tx
    .update(emails)
    .set({ status: "sending", attemptCount: email.attemptCount + 1 })
    .where(and(eq(emails.teamId, teamId), eq(emails.id, email.id)))
    .returning();
  return { kind: "send", email: claimed };
}
