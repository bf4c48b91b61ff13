import { z } from "zod";

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use a 24-hour time like 09:00.")
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)));

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const int = (label: string, min: number, max: number) =>
  z.coerce.number({ error: `${label} must be a number.` }).int(`${label} must be a whole number.`).min(min, `${label} must be at least ${min}.`).max(max, `${label} must be at most ${max}.`);

/** The safe-sending settings of a mailbox, as its settings form submits them. */
export const mailboxSettingsSchema = z
  .object({
    mailboxId: z.uuid(),
    displayName: z.string().trim().max(100).optional().transform((v) => v || null),
    dailyCap: int("Daily cap", 1, 2000),
    minIntervalSeconds: int("Minimum spacing", 0, 86_400),
    jitterSeconds: int("Random jitter", 0, 3600),
    sendingDays: z
      .union([z.array(z.coerce.number().int().min(0).max(6)), z.coerce.number().int().min(0).max(6).transform((d) => [d])])
      .pipe(z.array(z.number()).min(1, "Pick at least one sending day.")),
    sendingStart: hhmm,
    sendingEnd: hhmm,
    timezone: z.string().refine(isTimeZone, "Pick a time zone from the list (for example Europe/Berlin)."),
    warmupEnabled: z.union([z.literal("on"), z.literal("true"), z.boolean()]).optional().transform((v) => v === true || v === "on" || v === "true"),
    warmupStartPerDay: int("Warmup start", 0, 500),
    warmupDailyIncrement: int("Daily increase", 0, 500),
    warmupTarget: int("Warmup target", 1, 2000),
  })
  .refine((v) => v.sendingEnd > v.sendingStart, { path: ["sendingEnd"], message: "The window must end after it starts." });

export type MailboxSettingsInput = z.infer<typeof mailboxSettingsSchema>;
