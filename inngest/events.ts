// Every event the app sends, one zod schema per name. `sendEvent` validates before sending; functions
// trigger on the matching EventType, so the SDK validates incoming data against the same schema.
import { eventType } from "inngest";
import { z } from "zod";
import { inngest } from "./client";

export const eventSchemas = {
  "jobs/test-email.requested": z.object({
    teamId: z.uuid(),
    userId: z.uuid(),
    to: z.email(),
  }),
  // Sent by lib/sending/send-email-now.ts (event id = "email-send-<emailId>", so a re-send starts no second run).
  "email/send.requested": z.object({
    teamId: z.uuid(),
    emailId: z.uuid(),
    mailboxId: z.uuid(),
    /** Not before this time (a soft bounce's retry waits a day); otherwise the mailbox's next slot. */
    notBefore: z.iso.datetime().optional(),
  }),
  // A CSV upload whose mapping the rep confirmed (lib/leads/import); the job streams the file into leads.
  "leads/import.requested": z.object({ teamId: z.uuid(), importId: z.uuid(), userId: z.uuid().nullable() }),
  // Research a lead's company site (and any URLs the rep added) into sourced facts.
  "leads/research.requested": z.object({ teamId: z.uuid(), leadId: z.uuid(), urls: z.array(z.url()).max(5) }),
  // Start (or resume) a campaign: enrol the selected leads in batches.
  "campaign/started": z.object({ teamId: z.uuid(), campaignId: z.uuid() }),
  // One per enrolment run; id "enrolment-<id>-<generation>" so a resume starts exactly one new run.
  "campaign/enrolment.started": z.object({ teamId: z.uuid(), campaignId: z.uuid(), enrolmentId: z.uuid(), leadId: z.uuid() }),
  // Cancel the campaign's enrolment runs (positions are kept in campaign_enrolments).
  "campaign/paused": z.object({ teamId: z.uuid(), campaignId: z.uuid() }),
  "campaign/stopped": z.object({ teamId: z.uuid(), campaignId: z.uuid() }),
  // A human reply to one of our emails (inbound sync, or a rep marking it by hand).
  "email/replied": z.object({
    teamId: z.uuid(),
    leadId: z.uuid(),
    enrolmentId: z.uuid().nullable(),
    campaignId: z.uuid().nullable(),
    emailId: z.uuid().nullable(),
  }),
  // The lead must never be emailed again (unsubscribe, hard bounce, erasure): cancels its runs.
  "lead/stopped": z.object({ teamId: z.uuid(), leadId: z.uuid(), reason: z.enum(["unsubscribed", "bounced", "erased", "suppressed", "out_of_office"]) }),
  // "Sync now", the cron's fan-out and the pre-send check: read one mailbox's new mail.
  "mailbox/sync.requested": z.object({ teamId: z.uuid(), mailboxId: z.uuid() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;

export const testEmailRequested = eventType("jobs/test-email.requested", { schema: eventSchemas["jobs/test-email.requested"] });
export const emailSendRequested = eventType("email/send.requested", { schema: eventSchemas["email/send.requested"] });
export const leadImportRequested = eventType("leads/import.requested", { schema: eventSchemas["leads/import.requested"] });
export const leadResearchRequested = eventType("leads/research.requested", { schema: eventSchemas["leads/research.requested"] });
export const campaignStarted = eventType("campaign/started", { schema: eventSchemas["campaign/started"] });
export const enrolmentStarted = eventType("campaign/enrolment.started", { schema: eventSchemas["campaign/enrolment.started"] });
export const campaignPaused = eventType("campaign/paused", { schema: eventSchemas["campaign/paused"] });
export const campaignStopped = eventType("campaign/stopped", { schema: eventSchemas["campaign/stopped"] });
export const emailReplied = eventType("email/replied", { schema: eventSchemas["email/replied"] });
export const mailboxSyncRequested = eventType("mailbox/sync.requested", { schema: eventSchemas["mailbox/sync.requested"] });
export const leadStopped = eventType("lead/stopped", { schema: eventSchemas["lead/stopped"] });

/** Sends many events of one name in one request (fan-out); ids make each idempotent. */
export async function sendEvents<N extends EventName>(name: N, items: { data: EventData<N>; id?: string }[]): Promise<{ ids: string[] }> {
  if (items.length === 0) return { ids: [] };
  return inngest.send(items.map((item) => ({ name, data: eventSchemas[name].parse(item.data), ...(item.id ? { id: item.id } : {}) })));
}

/** Sends one event after validating its data; `id` makes the send idempotent (deduplicated for 24 h). */
export async function sendEvent<N extends EventName>(name: N, data: EventData<N>, options: { id?: string } = {}): Promise<{ ids: string[] }> {
  const parsed = eventSchemas[name].parse(data);
  return inngest.send({ name, data: parsed, ...(options.id ? { id: options.id } : {}) });
}
