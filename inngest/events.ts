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
  }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;

export const testEmailRequested = eventType("jobs/test-email.requested", { schema: eventSchemas["jobs/test-email.requested"] });
export const emailSendRequested = eventType("email/send.requested", { schema: eventSchemas["email/send.requested"] });

/** Sends one event after validating its data; `id` makes the send idempotent (deduplicated for 24 h). */
export async function sendEvent<N extends EventName>(name: N, data: EventData<N>, options: { id?: string } = {}): Promise<{ ids: string[] }> {
  const parsed = eventSchemas[name].parse(data);
  return inngest.send({ name, data: parsed, ...(options.id ? { id: options.id } : {}) });
}
