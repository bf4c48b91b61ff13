// Fan-out for a started campaign: enrol its leads in batches (one memoised step each, so a crash resumes at the
// next batch), then hand the first due enrolments to their sequence runs.
import { enrolCampaignBatch, FIRST_LEAD_CURSOR } from "@/lib/campaigns/enrol-campaign-batch";
import { wakeDueEnrolments } from "@/lib/campaigns/wake-due-enrolments";
import { inngest } from "../client";
import { campaignStarted } from "../events";

const MAX_BATCHES = 1_000; // 5 million leads

export const enrolCampaign = inngest.createFunction(
  {
    id: "enrol-campaign",
    name: "Enrol a campaign's leads",
    retries: 6,
    concurrency: [{ limit: 1, key: "event.data.campaignId" }],
    cancelOn: [
      { event: "campaign/paused", match: "data.campaignId" },
      { event: "campaign/stopped", match: "data.campaignId" },
    ],
    triggers: [{ event: campaignStarted }],
  },
  async ({ event, step }) => {
    const { teamId, campaignId } = event.data;
    let cursor = FIRST_LEAD_CURSOR;
    let enrolled = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const result = await step.run(`enrol-batch-${batch}`, () => enrolCampaignBatch({ teamId, campaignId, afterLeadId: cursor }));
      enrolled += result.inserted;
      if (!result.lastLeadId) break;
      cursor = result.lastLeadId;
    }
    const { woken } = await step.run("wake-first-steps", () => wakeDueEnrolments({ campaignId }));
    return { enrolled, woken };
  },
);
