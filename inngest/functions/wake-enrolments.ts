// The campaign scheduler's tick: start the sequence runs of enrolments coming due, and complete campaigns that
// have nothing left to send.
import { completeFinishedCampaigns } from "@/lib/campaigns/complete-finished-campaigns";
import { wakeDueEnrolments } from "@/lib/campaigns/wake-due-enrolments";
import { inngest } from "../client";

export const wakeEnrolments = inngest.createFunction(
  { id: "wake-enrolments", name: "Campaign scheduler", retries: 2, singleton: { mode: "skip" }, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const { woken } = await step.run("wake-due-enrolments", () => wakeDueEnrolments());
    const { completed } = await step.run("complete-finished-campaigns", () => completeFinishedCampaigns());
    return { woken, completed };
  },
);
