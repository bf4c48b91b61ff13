// The executor inside the Next.js server process (called from instrumentation.ts), started once per process.
import { engineMode } from "./engine-mode";
import { jobsEnv } from "./jobs-env";
import { startEmbeddedExecutor } from "./start-embedded-executor";

const holder = globalThis as unknown as { __copilotJobsStarted?: boolean };

export function startExecutorInServer(): void {
  if (holder.__copilotJobsStarted || engineMode() !== "embedded") return;
  // JOBS_EXECUTOR=off: this server only accepts events; `npm run jobs` (its own process) does the work.
  if (jobsEnv().JOBS_EXECUTOR === "off") return;
  holder.__copilotJobsStarted = true;
  // Not awaited: opening the database and syncing must not hold up the server's start.
  startEmbeddedExecutor().catch((error) => {
    holder.__copilotJobsStarted = false;
    console.error("[jobs] the embedded executor did not start", error);
  });
}
