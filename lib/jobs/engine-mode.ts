// Which engine runs the app's Inngest functions, chosen by environment only.
import { jobsEnv, type JobsEnv } from "./jobs-env";

export type EngineMode = "embedded" | "inngest-dev" | "inngest-self-hosted" | "inngest-cloud";

/** INNGEST_DEV is dev mode when it is "1"/"true" or a URL (the SDK's own reading). */
function devModeRequested(value: string | undefined): boolean {
  if (!value) return false;
  const v = value.trim().toLowerCase();
  if (v === "0" || v === "false") return false;
  return true;
}

export function engineModeOf(env: JobsEnv): EngineMode {
  if (devModeRequested(env.INNGEST_DEV)) return "inngest-dev";
  if (env.INNGEST_BASE_URL) return "inngest-self-hosted";
  if (env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY) return "inngest-cloud";
  return "embedded";
}

export function engineMode(): EngineMode {
  return engineModeOf(jobsEnv());
}
