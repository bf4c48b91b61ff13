// A campaign's sending window (days + hours) in the right clock: the lead's zone (recipient mode, falling back
// to the campaign's zone, then the mailbox's), the campaign's fixed zone, or the mailbox's zone.
import type { Campaign } from "@/db/schema/campaigns";
import type { SendingWindow } from "@/lib/mailboxes/next-send-slot";

export function campaignZone(campaign: Pick<Campaign, "timezoneMode" | "timezone">, lead: { timezone: string | null }, mailbox: { timezone: string }): string {
  if (campaign.timezoneMode === "fixed") return campaign.timezone ?? mailbox.timezone;
  if (campaign.timezoneMode === "recipient") return lead.timezone ?? campaign.timezone ?? mailbox.timezone;
  return mailbox.timezone;
}

export function campaignWindow(campaign: Pick<Campaign, "scheduleDays" | "scheduleStartMinute" | "scheduleEndMinute">, timezone: string): SendingWindow {
  return { sendingDays: campaign.scheduleDays, sendingStartMinute: campaign.scheduleStartMinute, sendingEndMinute: campaign.scheduleEndMinute, timezone };
}
