// A stored campaign read back into the form's fields (the inverse of campaign.schema.ts), and how the pages print its settings.
import type { Campaign } from "@/db/schema/campaigns";
import type { LeadSelectionType } from "./campaign.schema";

export type CampaignFormValues = {
  name: string;
  sequenceId: string;
  selectionType: LeadSelectionType;
  tag: string;
  status: string;
  q: string;
  importId: string;
  fieldKey: string;
  fieldValue: string;
  /** Chosen mailbox id → its weight. */
  mailboxWeights: Record<string, number>;
  scheduleDays: number[];
  scheduleStart: string;
  scheduleEnd: string;
  timezoneMode: Campaign["timezoneMode"];
  timezone: string;
  /** ISO instant; the browser shows it as local wall time. */
  scheduledStartAt: string | null;
  dailyNewLeadLimit: string;
  dailyLimit: string;
  trackOpens: boolean;
  trackClicks: boolean;
  stopScope: Campaign["stopScope"];
  minEmailScore: string;
};

export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

export const minutesToClock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export const NEW_CAMPAIGN_VALUES: CampaignFormValues = {
  name: "",
  sequenceId: "",
  selectionType: "all",
  tag: "",
  status: "",
  q: "",
  importId: "",
  fieldKey: "",
  fieldValue: "",
  mailboxWeights: {},
  scheduleDays: [1, 2, 3, 4, 5],
  scheduleStart: "09:00",
  scheduleEnd: "17:00",
  timezoneMode: "recipient",
  timezone: "",
  scheduledStartAt: null,
  dailyNewLeadLimit: "",
  dailyLimit: "",
  trackOpens: true,
  trackClicks: true,
  stopScope: "lead",
  minEmailScore: "",
};

export function campaignToFormValues(c: Campaign, rotation: { mailboxId: string; weight: number }[]): CampaignFormValues {
  const s = c.leadSelection;
  const selectionType: LeadSelectionType = s.field ? "field" : s.importId ? "import" : s.tag ? "tag" : s.status ? "status" : s.q ? "q" : "all";
  const str = (n: number | null) => (n === null ? "" : String(n));
  return {
    name: c.name,
    sequenceId: c.sequenceId ?? "",
    selectionType,
    tag: s.tag ?? "",
    status: s.status ?? "",
    q: s.q ?? "",
    importId: s.importId ?? "",
    fieldKey: s.field?.key ?? "",
    fieldValue: s.field?.value ?? "",
    mailboxWeights: Object.fromEntries(rotation.map((m) => [m.mailboxId, m.weight])),
    scheduleDays: c.scheduleDays,
    scheduleStart: minutesToClock(c.scheduleStartMinute),
    scheduleEnd: minutesToClock(c.scheduleEndMinute),
    timezoneMode: c.timezoneMode,
    timezone: c.timezone ?? "",
    scheduledStartAt: c.scheduledStartAt?.toISOString() ?? null,
    dailyNewLeadLimit: str(c.dailyNewLeadLimit),
    dailyLimit: str(c.dailyLimit),
    trackOpens: c.trackOpens,
    trackClicks: c.trackClicks,
    stopScope: c.stopScope,
    minEmailScore: str(c.minEmailScore),
  };
}

/** "Mon–Fri 09:00–17:00, recipient's time zone (fallback Europe/Berlin)" */
export function describeSchedule(c: Pick<Campaign, "scheduleDays" | "scheduleStartMinute" | "scheduleEndMinute" | "timezoneMode" | "timezone">): string {
  const days = c.scheduleDays.map((d) => WEEKDAYS[d]).join(", ") || "no days";
  const zone =
    c.timezoneMode === "fixed" ? (c.timezone ?? "no time zone") : c.timezoneMode === "mailbox" ? "the mailbox's time zone" : `the lead's time zone${c.timezone ? ` (fallback ${c.timezone})` : ""}`;
  return `${days}, ${minutesToClock(c.scheduleStartMinute)}–${minutesToClock(c.scheduleEndMinute)} in ${zone}`;
}

/** "all leads", "tag “vip”", … */
export function describeLeadSelection(s: Campaign["leadSelection"]): string {
  if (s.field) return `leads whose ${s.field.key} is “${s.field.value}”`;
  if (s.importId) return "leads from one import";
  if (s.tag) return `leads tagged “${s.tag}”`;
  if (s.status) return `leads with status ${s.status.replace("_", " ")}`;
  if (s.q) return `leads matching “${s.q}”`;
  if (s.leadIds) return `${s.leadIds.length} chosen leads`;
  return "all leads";
}
