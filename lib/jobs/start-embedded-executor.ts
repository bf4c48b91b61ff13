// Starting the embedded executor from the environment: in the Next.js server (instrumentation.ts) or as its
// own process (scripts/run-jobs.ts). Does nothing when jobs run on Inngest (dev server, self-hosted, Cloud).
import { getDb } from "@/db";
import { engineClock } from "./clock";
import { engineMode } from "./engine-mode";
import { createExecutor, type Executor, type ExecutorOptions } from "./executor";
import { appUrl, jobsEnv, SERVE_PATH } from "./jobs-env";
import { localKeys } from "./local-keys";

export async function startEmbeddedExecutor(overrides: Partial<ExecutorOptions> = {}): Promise<Executor | null> {
  if (engineMode() !== "embedded") return null;
  const env = jobsEnv();
  const keys = localKeys(env.DATA_DIR);
  const executor = createExecutor({
    db: overrides.db ?? (await getDb()),
    serveUrl: `${appUrl(env)}${SERVE_PATH}`,
    signingKey: keys.signingKey,
    eventKey: keys.eventKey,
    concurrency: env.JOBS_WORKER_CONCURRENCY,
    leaseMs: env.JOBS_LEASE_MS,
    pollMs: env.JOBS_POLL_MS,
    syncIntervalMs: 60_000,
    clock: engineClock(),
    ...overrides,
  });
  // Workers start at once; the sync loop retries (with backoff) until the app's serve endpoint answers.
  executor.start();
  return executor;
}
