// CSV lead import: one memoised step per chunk of rows (a retry resumes after the last finished chunk),
// then the finish. Thin: the work is in lib/leads/import.
import { NonRetriableError } from "inngest";
import { AppError } from "@/lib/errors";
import { failLeadImport } from "@/lib/leads/import/finish-lead-import";
import { runLeadImport, type StepRunner } from "@/lib/leads/import/run-lead-import";
import { inngest } from "../client";
import { leadImportRequested } from "../events";

export const importLeads = inngest.createFunction(
  {
    id: "import-leads",
    name: "Import leads from CSV",
    retries: 4,
    // One import at a time per team: two imports of the same addresses never race on the same leads.
    concurrency: [{ limit: 1, key: "event.data.teamId" }],
    triggers: [{ event: leadImportRequested }],
    onFailure: async ({ event, error }) => {
      const { teamId, importId } = event.data.event.data;
      await failLeadImport({ teamId, importId, message: error.message });
    },
  },
  async ({ event, step }) => {
    const { teamId, importId } = event.data;
    const runStep: StepRunner = (name, fn) =>
      step.run(name, async () => {
        try {
          return await fn();
        } catch (error) {
          // A missing file or an import that is no longer running will not heal by retrying.
          if (error instanceof AppError && (error.code === "unavailable" || error.code === "conflict" || error.code === "not_found")) {
            throw new NonRetriableError(error.message, { cause: error });
          }
          throw error;
        }
      }) as never;
    return runLeadImport({ teamId, importId, step: runStep });
  },
);
