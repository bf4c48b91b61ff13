// A mailbox's reputation in numbers: hard bounces and spam complaints against what it sent over a rolling window.
// Rates on a handful of sends say nothing, so each needs a minimum sample before it can warn or pause.
import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";

export const MAILBOX_HEALTH_RULES = {
  windowDays: 14,
  bounce: { minSent: 50, warnRate: 0.02, pauseRate: 0.03 },
  complaint: { minSent: 300, warnRate: 0.001, pauseRate: 0.003 },
} as const;

export type MailboxHealthReport = {
  sent: number;
  bounces: number;
  complaints: number;
  bounceRate: number | null;
  complaintRate: number | null;
  state: "ok" | "warning" | "pause" | "too_few_sends";
  reasons: string[];
};

const pct = (r: number) => `${(r * 100).toFixed(r < 0.01 ? 2 : 1)}%`;

export async function getMailboxHealth({ teamId, mailboxId, now }: { teamId: string; mailboxId: string; now: Date }): Promise<MailboxHealthReport> {
  const db = await getDb();
  const since = new Date(now.getTime() - MAILBOX_HEALTH_RULES.windowDays * 86_400_000);
  const s = since.toISOString();
  const [row] = await db
    .select({
      sent: sql<number>`count(*) filter (where ${emails.sentAt} >= ${s}::timestamptz)::int`,
      bounces: sql<number>`count(*) filter (where ${emails.bouncedAt} >= ${s}::timestamptz)::int`,
      complaints: sql<number>`count(*) filter (where ${emails.complainedAt} >= ${s}::timestamptz)::int`,
    })
    .from(emails)
    .where(and(eq(emails.teamId, teamId), eq(emails.mailboxId, mailboxId), eq(emails.direction, "outbound"), gte(emails.sentAt, since)));
  const { sent = 0, bounces = 0, complaints = 0 } = row ?? {};
  const { bounce, complaint, windowDays } = MAILBOX_HEALTH_RULES;
  const bounceRate = sent ? bounces / sent : null;
  const complaintRate = sent ? complaints / sent : null;
  const reasons: string[] = [];
  let state: MailboxHealthReport["state"] = "ok";
  const raise = (to: "warning" | "pause") => (state = state === "pause" || to === "pause" ? "pause" : "warning");
  if (sent >= bounce.minSent && bounceRate !== null && bounceRate >= bounce.warnRate) {
    raise(bounceRate >= bounce.pauseRate ? "pause" : "warning");
    reasons.push(`${pct(bounceRate)} of the last ${windowDays} days' ${sent} emails hard-bounced (limit ${pct(bounce.pauseRate)}). Clean the lead list: verify addresses before sending.`);
  }
  if (sent >= complaint.minSent && complaintRate !== null && complaintRate >= complaint.warnRate) {
    raise(complaintRate >= complaint.pauseRate ? "pause" : "warning");
    reasons.push(`${pct(complaintRate)} of the last ${windowDays} days' ${sent} emails were reported as spam (limit ${pct(complaint.pauseRate)}). Target more carefully and make unsubscribing easy.`);
  }
  if (state === "ok" && sent < bounce.minSent) state = "too_few_sends";
  return { sent, bounces, complaints, bounceRate, complaintRate, state, reasons };
}
