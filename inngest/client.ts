// The app's one Inngest client. Its options are read lazily (getters): the SDK reads them when it serves or
// sends, so importing this module (as `next build` does) touches neither the environment nor DATA_DIR.
//  - embedded default: signed mode with a signing key and event key generated into DATA_DIR; API and event
//    base URLs point at the embedded executor's endpoints in this app (lib/jobs, /api/inngest-executor);
//  - INNGEST_DEV / INNGEST_BASE_URL / INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY: the SDK's own environment
//    decides (dev server, self-hosted Inngest, Inngest Cloud) and the embedded executor stays off.
import { Inngest } from "inngest";
import { engineMode } from "@/lib/jobs/engine-mode";
import { appUrl, EXECUTOR_API_PATH, jobsEnv } from "@/lib/jobs/jobs-env";
import { localKeys } from "@/lib/jobs/local-keys";

const CONFIG_VARS = ["INNGEST_DEV", "INNGEST_BASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "JOBS_APP_URL", "PORT", "DATA_DIR"];
let cached: { stamp: string; baseUrl: string | null } | undefined;

/** The executor API's base URL in embedded mode, else null. Recomputed only when the variables change. */
function embeddedBaseUrl(): string | null {
  const stamp = CONFIG_VARS.map((k) => process.env[k] ?? "").join("\u0000");
  if (cached?.stamp !== stamp) {
    const embedded = engineMode() === "embedded";
    cached = { stamp, baseUrl: embedded ? `${appUrl()}${EXECUTOR_API_PATH}/` : null };
  }
  return cached.baseUrl;
}

/** Keys are only read (and generated on first use) when the SDK signs or sends, never at import. */
const keys = () => (embeddedBaseUrl() ? localKeys(jobsEnv().DATA_DIR) : null);

export const inngest = new Inngest({
  id: "sales-copilot",
  get isDev() {
    return embeddedBaseUrl() ? false : undefined;
  },
  get signingKey() {
    return keys()?.signingKey;
  },
  get eventKey() {
    return keys()?.eventKey;
  },
  get baseUrl() {
    return embeddedBaseUrl() ?? undefined;
  },
  // The embedded executor does not implement Inngest's checkpoint API; Inngest itself does.
  get checkpointing() {
    return embeddedBaseUrl() ? false : undefined;
  },
});
