// One run per enrolment walks the sequence: queue the step (condition, variant, mailbox, slot), sleep until the
// slot, send (the claim re-checks reply/unsubscribe/bounce/suppression in the same transaction), then wait for a
// reply until the next step is due. Pause, stop and "never email this lead" cancel the run; the enrolment row
// keeps its position, and a resume starts a new run from there.
import { queueEnrolmentStep } from "@/lib/campaigns/queue-enrolment-step";
import { recordStepOutcome } from "@/lib/campaigns/record-step-outcome";
import { inngest } from "../client";
import { enrolmentStarted } from "../events";
import { deliverOrRetry } from "./deliver-or-retry";

const MAX_STEPS = 50; // well above the builder's limit; a guard against a loop, not a product rule

export const runEnrolment = inngest.createFunction(
  {
    id: "run-enrolment",
    name: "Run a campaign enrolment",
    retries: 6,
    cancelOn: [
      { event: "campaign/paused", match: "data.campaignId" },
      { event: "campaign/stopped", match: "data.campaignId" },
      { event: "lead/stopped", match: "data.leadId" },
    ],
    triggers: [{ event: enrolmentStarted }],
  },
  async ({ event, step }) => {
    const { teamId, enrolmentId } = event.data;
    for (let i = 0; i < MAX_STEPS; i++) {
      const queued = await step.run(`queue-step-${i}`, () => queueEnrolmentStep({ teamId, enrolmentId }));
      if (queued.kind === "stopped" || queued.kind === "completed") return queued;
      if (queued.kind === "skipped") {
        if (!queued.dueAt) continue; // the last step was skipped: the next queue step completes the enrolment
        const reply = await step.waitForEvent(`wait-after-skip-${i}`, { event: "email/replied", timeout: new Date(queued.dueAt), if: "async.data.leadId == event.data.leadId" });
        if (reply) return { kind: "replied" };
        continue;
      }
      await step.sleepUntil(`wait-for-slot-${i}`, queued.slot);
      const outcome = await step.run(`send-step-${i}`, async () => {
        const delivery = await deliverOrRetry({ teamId, emailId: queued.emailId });
        return { delivery: delivery.status, ...(await recordStepOutcome({ teamId, enrolmentId, emailId: queued.emailId })) };
      });
      if (outcome.kind !== "next") return outcome;
      const reply = await step.waitForEvent(`wait-for-reply-${i}`, { event: "email/replied", timeout: new Date(outcome.dueAt), if: "async.data.leadId == event.data.leadId" });
      if (reply) return { kind: "replied" };
    }
    return { kind: "stopped", reason: "Too many steps." };
  },
);
