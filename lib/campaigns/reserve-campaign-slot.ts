// The send time for one campaign email: the first instant, not before `notBefore`, that is inside the campaign's
// window (in the lead's zone or as configured), within the campaign's daily limit, and a legal slot of the mailbox
// (its window, spacing, cap and warmup). Each rule only moves the time later, so alternating them converges.
import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import type { Campaign } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import type { Mailbox } from "@/db/schema/mailboxes";
import { AppError } from "@/lib/errors";
import { nextSendSlot, nextWindowInstant, type SendSchedule } from "@/lib/mailboxes/next-send-slot";
import { takenSendTimes } from "@/lib/sending/reserve-send-slot";
import { campaignWindow } from "./campaign-window";

/** Call with the mailbox row locked FOR UPDATE (serialises reservations on it). Writes the slot onto the email. */
export async function reserveCampaignSlot(
  tx: Tx,
  input: { teamId: string; emailId: string; campaign: Campaign; mailbox: Mailbox; timezone: string; notBefore: Date; now: Date },
): Promise<Date> {
  const { teamId, emailId, campaign, mailbox, timezone, now } = input;
  const window = campaignWindow(campaign, timezone);
  const mailboxTaken = await takenSendTimes(tx, { teamId, of: { mailboxId: mailbox.id }, excludeEmailId: emailId, now });
  const campaignTaken = campaign.dailyLimit ? await takenSendTimes(tx, { teamId, of: { campaignId: campaign.id }, excludeEmailId: emailId, now }) : [];
  const campaignCap: SendSchedule | null = campaign.dailyLimit
    ? { ...window, sendingDays: [0, 1, 2, 3, 4, 5, 6], sendingStartMinute: 0, sendingEndMinute: 1440, dailyCap: campaign.dailyLimit, minIntervalSeconds: 0, jitterSeconds: 0, warmupEnabled: false, warmupStartPerDay: 0, warmupDailyIncrement: 0, warmupTarget: null, warmupStartedAt: null }
    : null;
  // Jitter fixed per email, so repeated passes (and a retried step) agree on the same slot.
  const jitter = createHash("sha256").update(emailId).digest().readUInt32BE(0) / 2 ** 32;

  let at = new Date(Math.max(now.getTime(), input.notBefore.getTime()));
  for (let pass = 0; pass < 20; pass++) {
    const inWindow = nextWindowInstant(window, at);
    if (!inWindow) throw new AppError("conflict", `The campaign "${campaign.name}" has no sending window: pick at least one day and hours.`);
    const underCap = campaignCap ? nextSendSlot({ schedule: campaignCap, sent: campaignTaken, now: inWindow, random: () => 0 }) : inWindow;
    const slot = underCap && nextSendSlot({ schedule: mailbox, sent: mailboxTaken, now: underCap, random: () => jitter });
    if (!slot) throw new AppError("conflict", `${mailbox.email} has no sending window: pick at least one day and hours on the Mailboxes page.`);
    if (slot.getTime() === at.getTime()) {
      await tx.update(emails).set({ scheduledFor: slot }).where(and(eq(emails.teamId, teamId), eq(emails.id, emailId)));
      return slot;
    }
    at = slot;
  }
  throw new AppError("conflict", `No send time fits both the campaign's window and ${mailbox.email}'s window; widen one of them.`);
}
