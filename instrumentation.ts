// Runs once when a Next.js server starts. In the Node.js runtime, with jobs in embedded mode, it starts the
// embedded executor, which syncs the app's functions as soon as the server answers on /api/inngest.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startExecutorInServer } = await import("./lib/jobs/start-in-server");
  startExecutorInServer();
}
