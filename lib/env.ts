// Typed environment. Every variable is optional: with none set the app runs on its embedded defaults.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const optionalUrl = z.url().optional();
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const DEFAULT_APP_URL = "http://localhost:3000";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().default(".data"),
  PGLITE_DIR: z.string().optional(),
  APP_URL: z.url().default(DEFAULT_APP_URL),

  DATABASE_URL: optionalUrl,
  POSTGRES_URL: optionalUrl,

  REDIS_URL: optionalUrl,
  REDIS_KEY_PREFIX: z.string().default("copilot:"),
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: z.string().optional(),

  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalUrl,

  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "ENCRYPTION_KEY must be 32 bytes, base64-encoded")
    .optional(),

  MAIL_FROM: z.string().default("Sales Copilot <no-reply@localhost>"),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: optionalUrl,
});

export type Env = z.infer<typeof schema> & { AUTH_SECRET: string; ENCRYPTION_KEY: string };

/** Secrets the embedded default needs are generated once into DATA_DIR and reused across restarts. */
function localSecrets(dataDir: string): { AUTH_SECRET: string; ENCRYPTION_KEY: string } {
  const file = path.join(dataDir, "secrets.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    const secrets = {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    };
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { flag: "wx", mode: 0o600 });
    } catch {
      // Another process wrote it first: use theirs.
      return JSON.parse(fs.readFileSync(file, "utf8"));
    }
    return secrets;
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, blankToUndefined(v)]));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}\nSee .env.example for what each variable means.`);
  }
  const parsed = result.data;
  const needsLocal = !parsed.AUTH_SECRET || !parsed.ENCRYPTION_KEY;
  const local = needsLocal ? localSecrets(parsed.DATA_DIR) : undefined;
  return {
    ...parsed,
    AUTH_SECRET: parsed.AUTH_SECRET ?? local!.AUTH_SECRET,
    ENCRYPTION_KEY: parsed.ENCRYPTION_KEY ?? local!.ENCRYPTION_KEY,
  };
}

let cached: Env | undefined;
/** The environment, parsed on first use (not at import, so `next build` needs none of it). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
