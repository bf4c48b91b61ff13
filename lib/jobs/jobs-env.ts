// Environment of the jobs engine. All optional: with none set, the embedded executor runs in-process.
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z.object({
  // The Inngest SDK's own variables; they also choose the engine (see engine-mode.ts).
  INNGEST_DEV: z.string().optional(),
  INNGEST_BASE_URL: z.url().optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),

  PORT: z.string().optional(),
  DATA_DIR: z.string().default(".data"),
  // Where the executor reaches the app (its /api/inngest endpoint); default http://127.0.0.1:$PORT.
  JOBS_APP_URL: z.url().optional(),
  // "in-process": the Next.js server runs the worker loops; "off": it only accepts events (npm run jobs works).
  JOBS_EXECUTOR: z.enum(["in-process", "off"]).default("in-process"),
  JOBS_WORKER_CONCURRENCY: int(1, 512, 32),
  JOBS_LEASE_MS: int(500, 3_600_000, 30_000),
  JOBS_POLL_MS: int(5, 60_000, 200),
});

export type JobsEnv = z.infer<typeof schema>;

export const SERVE_PATH = "/api/inngest";
export const EXECUTOR_API_PATH = "/api/inngest-executor";

export function parseJobsEnv(source: Record<string, string | undefined>): JobsEnv {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, blankToUndefined(v)]));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid jobs environment:\n${problems}\nSee .env.example for what each variable means.`);
  }
  return result.data;
}

/** Read on every call (cheap): tests and scripts set variables after import. */
export function jobsEnv(): JobsEnv {
  return parseJobsEnv(process.env);
}

/** The app's own origin, as the executor calls it. */
export function appUrl(env: JobsEnv = jobsEnv()): string {
  return (env.JOBS_APP_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}
