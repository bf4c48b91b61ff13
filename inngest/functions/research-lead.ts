// Lead research: company site (+ the rep's extra pages) → sourced facts on the lead. One step per page so a
// slow or failing page is retried alone; the steps are thin over lib/research.
import type { Inngest } from "inngest";
import type { SelectedModel } from "@/lib/ai/models";
import { failLeadResearch, finishLeadResearch, startLeadResearch } from "@/lib/research/research-lead";
import { researchPage, type PageResearch } from "@/lib/research/research-page";
import type { SafeFetchOptions } from "@/lib/research/safe-fetch";
import { inngest } from "../client";
import { leadResearchRequested } from "../events";

/** Built by a factory so tests can hand in their own client and let the fetcher reach a local test site. */
export function createResearchLeadFunction(client: Inngest, options: { fetch?: SafeFetchOptions; model?: () => SelectedModel } = {}) {
  return client.createFunction(
    {
      id: "research-lead",
      name: "Research a lead",
      retries: 2,
      // A few pages at a time per team: research never crowds out another team's jobs.
      concurrency: [{ limit: 2, key: "event.data.teamId" }],
      triggers: [{ event: leadResearchRequested }],
      onFailure: async ({ event, error, step }) => {
        const { teamId, leadId } = event.data.event.data as { teamId: string; leadId: string };
        await step.run("mark-failed", () => failLeadResearch({ teamId, leadId, error: `Research stopped: ${error.message}` }));
      },
    },
    async ({ event, step }) => {
      const { teamId, leadId, urls } = event.data;
      const plan = await step.run("start-research", () => startLeadResearch({ teamId, leadId, urls }));
      if (!plan) return { status: "gone" };
      const results: PageResearch[] = [];
      for (const [i, url] of plan.pages.entries()) {
        results.push(await step.run(`research-page-${i + 1}`, () => researchPage(url, { company: plan.company, fetch: options.fetch, model: options.model?.() })));
      }
      return step.run("save-facts", () => finishLeadResearch({ teamId, leadId, results }));
    },
  );
}

export const researchLead = createResearchLeadFunction(inngest);
