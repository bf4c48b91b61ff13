// The campaign scheduler's tick: resume enrolments whose lead is back from out of office, start the sequence runs of enrolments coming due, and complete campaigns that
// have nothing left to send.
import { resumeReturnedEnrolments } from "@/lib/campaigns/pause-enrolments-until";
import { completeFinishedCampaigns } from "@/lib/campaigns/complete-finished-campaigns";
import { wakeDueEnrolments } from "@/lib/campaigns/wake-due-enrolments";
import { inngest } from "../client";

export const wakeEnrolments = inngest.createFunction(
  { id: "wake-enrolments", name: "Campaign scheduler", retries: 2, singleton: { mode: "skip" }, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const { resumed } = await step.run("resume-returned-enrolments", () => resumeReturnedEnrolments());
    const { woken } = await step.run("wake-due-enrolments", () => wakeDueEnrolments());
    const { completed } = await step.run("complete-finished-campaigns", () => completeFinishedCampaigns());
    return { resumed, woken, completed };
  },
);
