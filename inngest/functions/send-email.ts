// The send function: one run per queued email. Reserve the mailbox's next legal slot, sleep until it,
// then claim-recheck-send-record in lib/sending (exactly once, whatever retries or crashes happen).
import { engineNow } from "@/lib/jobs/clock";
import { reserveSendSlot } from "@/lib/sending/reserve-send-slot";
import { inngest } from "../client";
import { emailSendRequested } from "../events";
import { deliverOrRetry } from "./deliver-or-retry";

export const sendEmail = inngest.createFunction(
  {
    id: "send-email",
    name: "Send an email",
    retries: 6,
    // One send in flight per mailbox: slots are reserved and used in order.
    concurrency: [{ limit: 1, key: "event.data.mailboxId" }],
    triggers: [{ event: emailSendRequested }],
  },
  async ({ event, step }) => {
    const { teamId, emailId, notBefore } = event.data;
    const reservation = await step.run("reserve-slot", async () => {
      const now = engineNow();
      const from = notBefore && new Date(notBefore) > now ? new Date(notBefore) : now;
      const { slot, status } = await reserveSendSlot({ teamId, emailId, now: from });
      return { slot: slot?.toISOString() ?? null, status };
    });
    if (!reservation.slot) return { status: reservation.status, reason: "not queued" };
    await step.sleepUntil("wait-for-slot", reservation.slot);
    return step.run("send-email", () => deliverOrRetry({ teamId, emailId }));
  },
);
