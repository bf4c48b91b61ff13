// The campaign form, as the new and edit pages submit it: one schema, field errors the rep can act on,
// and an output already shaped like the campaigns row (minutes, arrays, nulls) plus its mailbox rotation.
import { z } from "zod";
import type { CampaignLeadSelection } from "@/db/schema/campaigns";
import { leadStatus } from "@/db/schema/leads";
import { zonedToInstant } from "@/lib/mailboxes/zoned-time";

export const LEAD_SELECTION_TYPES = ["all", "tag", "status", "q", "import", "field"] as const;
export type LeadSelectionType = (typeof LEAD_SELECTION_TYPES)[number];

const blank = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max, `Keep this under ${max} characters.`).optional());

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const clock = (label: string) =>
  z
    .string(`Enter the ${label} time.`)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, `Use a 24-hour time like 09:00 for "${label}".`)
    .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)));

const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ error: `${label} must be a number.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(max, `${label} must be at most ${max}.`)
      .optional(),
  );

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** "weight_<mailboxId>" form fields become one record, so a checklist row can carry its own weight input. */
function collectWeights(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  const weights: Record<string, unknown> = { ...((raw as { mailboxWeights?: Record<string, unknown> }).mailboxWeights ?? {}) };
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("weight_")) weights[key.slice("weight_".length)] = value;
    else out[key] = value;
  }
  out.mailboxWeights = weights;
  return out;
}

const formShape = z.object({
  name: z.string("Give the campaign a name.").trim().min(1, "Give the campaign a name.").max(200, "Keep the name under 200 characters."),
  sequenceId: z.preprocess(blank, z.uuid("Pick a sequence from the list.").optional()),
  selectionType: z.enum(LEAD_SELECTION_TYPES, "Choose which leads to include.").default("all"),
  tag: text(100),
  status: z.preprocess(blank, z.enum(leadStatus.enumValues, "Pick a lead status from the list.").optional()),
  q: text(200),
  importId: z.preprocess(blank, z.uuid("Pick an import from the list.").optional()),
  fieldKey: text(100),
  fieldValue: text(500),
  mailboxIds: list(z.uuid("Pick mailboxes from the list.")),
  mailboxWeights: z.record(z.string(), optionalInt("Weight", 0, 100)).default({}),
  scheduleDays: list(z.coerce.number().int().min(0).max(6)),
  scheduleStart: clock("From"),
  scheduleEnd: clock("Until"),
  timezoneMode: z.enum(["recipient", "mailbox", "fixed"], "Choose whose time zone the schedule follows."),
  timezone: z.preprocess(blank, z.string().trim().refine(isTimeZone, "Pick a time zone from the list (for example Europe/Berlin).").optional()),
  startAt: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "Enter a start date and time, or leave it empty to start right away.").optional()),
  // The browser's zone, so a start typed as local wall time means what the rep meant.
  startAtZone: z.preprocess(blank, z.string().refine(isTimeZone).optional()),
  dailyNewLeadLimit: optionalInt("Daily new-lead limit", 1, 100_000),
  dailyLimit: optionalInt("Daily send limit", 1, 1_000_000),
  trackOpens: checkbox,
  trackClicks: checkbox,
  stopScope: z.enum(["lead", "domain"], "Choose who stops on a reply.").default("lead"),
  minEmailScore: optionalInt("Minimum email score", 0, 100),
});

export const campaignFormSchema = z.preprocess(
  collectWeights,
  formShape
    .superRefine((v, ctx) => {
      const need = (path: string, ok: unknown, message: string) => {
        if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
      };
      if (v.selectionType === "tag") need("tag", v.tag, "Enter the tag whose leads to include.");
      if (v.selectionType === "status") need("status", v.status, "Pick the lead status to include.");
      if (v.selectionType === "q") need("q", v.q, "Enter the words to search leads for.");
      if (v.selectionType === "import") need("importId", v.importId, "Pick the import whose leads to include.");
      if (v.selectionType === "field") {
        need("fieldKey", v.fieldKey, "Enter the custom field's name.");
        need("fieldValue", v.fieldValue, "Enter the value the custom field must have.");
      }
      need("scheduleDays", v.scheduleDays.length > 0, "Pick at least one sending day.");
      need("scheduleEnd", v.scheduleEnd > v.scheduleStart, "The sending window must end after it starts.");
      need("timezone", v.timezoneMode !== "fixed" || v.timezone, "A fixed schedule needs a time zone.");
      if (new Set(v.mailboxIds).size !== v.mailboxIds.length) need("mailboxIds", false, "Each mailbox can be picked once.");
    })
    .transform((v) => ({
      name: v.name,
      sequenceId: v.sequenceId ?? null,
      leadSelection: toLeadSelection(v),
      mailboxes: v.mailboxIds.map((mailboxId) => ({ mailboxId, weight: (v.mailboxWeights[mailboxId] as number | undefined) ?? 1 })),
      scheduleDays: [...new Set(v.scheduleDays)].sort((a, b) => a - b),
      scheduleStartMinute: v.scheduleStart,
      scheduleEndMinute: v.scheduleEnd,
      timezoneMode: v.timezoneMode,
      timezone: v.timezone ?? null,
      scheduledStartAt: v.startAt ? wallTimeToInstant(v.startAt, v.startAtZone ?? v.timezone ?? "UTC") : null,
      dailyNewLeadLimit: v.dailyNewLeadLimit ?? null,
      dailyLimit: v.dailyLimit ?? null,
      trackOpens: v.trackOpens,
      trackClicks: v.trackClicks,
      stopScope: v.stopScope,
      minEmailScore: v.minEmailScore ?? null,
    })),
);
export type CampaignFormInput = z.input<typeof formShape>;
export type CampaignSettings = z.output<typeof campaignFormSchema>;

type SelectionFields = Pick<z.output<typeof formShape>, "selectionType" | "tag" | "status" | "q" | "importId" | "fieldKey" | "fieldValue">;

function toLeadSelection(v: SelectionFields): CampaignLeadSelection {
  switch (v.selectionType) {
    case "tag":
      return { tag: v.tag };
    case "status":
      return { status: v.status };
    case "q":
      return { q: v.q };
    case "import":
      return { importId: v.importId };
    case "field":
      return { field: { key: v.fieldKey!, value: v.fieldValue! } };
    default:
      return {};
  }
}

function wallTimeToInstant(local: string, zone: string): Date {
  const [date, time] = local.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return zonedToInstant({ year, month, day }, hour * 60 + minute, zone);
}

export const campaignIdSchema = z.object({ campaignId: z.uuid("That campaign was not found.") });
/** The form's lead-selection fields alone, for the live count beside them; incomplete choices count as "all leads". */
export const leadSelectionPreviewSchema = formShape
  .pick({ selectionType: true, tag: true, status: true, q: true, importId: true, fieldKey: true, fieldValue: true })
  .transform((v) => {
    const selection = v.selectionType === "field" && !(v.fieldKey && v.fieldValue) ? {} : toLeadSelection(v);
    return Object.values(selection).some((x) => x !== undefined) ? selection : {};
  });

/** The edit form: the same fields plus which campaign. */
export const updateCampaignSchema = z.intersection(campaignIdSchema, campaignFormSchema);
