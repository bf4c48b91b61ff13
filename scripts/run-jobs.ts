// `npm run jobs`: the embedded executor as its own process, driving a running app (set JOBS_APP_URL to it,
// and JOBS_EXECUTOR=off on the app if it should not run workers too). Needs Postgres (DATABASE_URL or
// POSTGRES_URL): PGlite's files can be opened by one process only, and that is the app.
import { engineMode } from "@/lib/jobs/engine-mode";
import { appUrl, jobsEnv } from "@/lib/jobs/jobs-env";
import { startEmbeddedExecutor } from "@/lib/jobs/start-embedded-executor";

async function main(): Promise<void> {
  const mode = engineMode();
  if (mode !== "embedded") {
    console.log(`Jobs run on Inngest (${mode}); the embedded executor has nothing to do.`);
    return;
  }
  if (!process.env.DATABASE_URL && !process.env.POSTGRES_URL) {
    console.error("npm run jobs needs DATABASE_URL (or POSTGRES_URL): PGlite cannot be shared with the app's process.");
    process.exitCode = 1;
    return;
  }
  const executor = await startEmbeddedExecutor();
  if (!executor) return;
  const env = jobsEnv();
  console.log(`Jobs executor running against ${appUrl(env)} with ${env.JOBS_WORKER_CONCURRENCY} workers; waiting for the app to sync…`);
  executor.synced().then((r) => console.log(`Synced ${r.functions.length} function(s): ${r.functions.join(", ")}`));
  const shutdown = async () => {
    console.log("Stopping: letting in-flight steps finish…");
    await executor.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
