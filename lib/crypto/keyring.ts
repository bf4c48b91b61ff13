// The encryption keyring: ENCRYPTION_KEY encrypts, it and ENCRYPTION_KEYS_PREVIOUS decrypt (for rotation).
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";

export type EncryptionKey = { id: string; key: Buffer };
export type Keyring = { current: EncryptionKey; byId: ReadonlyMap<string, EncryptionKey> };

const base64Key = z
  .string()
  .trim()
  .refine((v) => Buffer.from(v, "base64").length === 32, "each key must be 32 bytes, base64-encoded");

// Not in lib/env.ts yet (owned elsewhere): parsed here so a malformed value fails loudly on first use.
const previousKeysSchema = z.object({
  ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(base64Key)),
});

/**
 * A short, stable name for a key, stored beside each ciphertext so decryption picks the right key.
 * Domain-separated SHA-256, truncated: it identifies the key without being usable as one.
 */
export function keyIdFor(key: Buffer): string {
  return createHash("sha256").update("sales-copilot/encryption-key-id\0").update(key).digest("base64url").slice(0, 8);
}

export function buildKeyring({ current, previous = [] }: { current: string; previous?: string[] }): Keyring {
  const toKey = (b64: string): EncryptionKey => {
    const key = Buffer.from(base64Key.parse(b64), "base64");
    return { id: keyIdFor(key), key };
  };
  const currentKey = toKey(current);
  const byId = new Map<string, EncryptionKey>([[currentKey.id, currentKey]]);
  for (const b64 of previous) {
    const k = toKey(b64);
    if (!byId.has(k.id)) byId.set(k.id, k);
  }
  return { current: currentKey, byId };
}

let cached: { source: string; keyring: Keyring } | undefined;

/** The keyring from the environment, rebuilt only when the variables change. */
export function keyringFromEnv(): Keyring {
  const current = env().ENCRYPTION_KEY;
  const parsed = previousKeysSchema.safeParse({ ENCRYPTION_KEYS_PREVIOUS: process.env.ENCRYPTION_KEYS_PREVIOUS || undefined });
  if (!parsed.success) {
    throw new Error(`Invalid ENCRYPTION_KEYS_PREVIOUS: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  const previous = parsed.data.ENCRYPTION_KEYS_PREVIOUS;
  const source = [current, ...previous].join(",");
  if (cached?.source !== source) cached = { source, keyring: buildKeyring({ current, previous }) };
  return cached.keyring;
}
