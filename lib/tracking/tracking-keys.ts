// HMAC keys for tracking and unsubscribe tokens, derived (HKDF-SHA256) from AUTH_SECRET so no new secret is
// needed. Unsubscribe links must keep working for ever, so tokens signed under an earlier AUTH_SECRET still
// verify while that secret is listed in AUTH_SECRETS_PREVIOUS.
import "server-only";
import { hkdfSync } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";

// Not in lib/env.ts yet (owned elsewhere): parsed here.
const previousSecretsSchema = z.object({
  AUTH_SECRETS_PREVIOUS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(32, "each previous AUTH_SECRET must be at least 32 characters"))),
});

export type TrackingKeys = { current: Buffer; all: Buffer[] };

export function deriveTrackingKey(secret: string): Buffer {
  // A distinct info label: these keys can never equal the session-signing key Auth.js derives from the same secret.
  return Buffer.from(hkdfSync("sha256", secret, "sales-copilot", "tracking-token/v1", 32));
}

export function buildTrackingKeys(current: string, previous: string[] = []): TrackingKeys {
  const currentKey = deriveTrackingKey(current);
  return { current: currentKey, all: [currentKey, ...previous.map(deriveTrackingKey)] };
}

let cached: { source: string; keys: TrackingKeys } | undefined;

export function trackingKeys(): TrackingKeys {
  const parsed = previousSecretsSchema.safeParse({ AUTH_SECRETS_PREVIOUS: process.env.AUTH_SECRETS_PREVIOUS || undefined });
  if (!parsed.success) throw new Error(`Invalid AUTH_SECRETS_PREVIOUS: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const current = env().AUTH_SECRET;
  const previous = parsed.data.AUTH_SECRETS_PREVIOUS;
  const source = [current, ...previous].join("\n");
  if (cached?.source !== source) cached = { source, keys: buildTrackingKeys(current, previous) };
  return cached.keys;
}
