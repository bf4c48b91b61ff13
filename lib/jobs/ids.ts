// ULIDs for runs, events and work items: time-ordered (newest-first lists sort by id) and unique across instances.
import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function encodeTime(ms: number): string {
  let out = "";
  let rest = Math.max(0, Math.floor(ms));
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  // 80 bits → 16 characters of 5 bits each.
  let bits = 0n;
  for (let i = 0; i < 10; i++) bits = (bits << 8n) | BigInt(bytes[i]);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

export function ulid(timeMs: number = Date.now()): string {
  return encodeTime(timeMs) + encodeRandom(randomBytes(10));
}

/**
 * The id of the index-th event of one `inngest.send()` call, derived from its `x-inngest-event-id-seed`
 * header ("<millis>,<base64 entropy>"), so the SDK's own retries of a send produce the same ids.
 */
export function ulidFromSeed(seed: string, index: number): string | null {
  const [millis, entropy] = seed.split(",");
  const ms = Number(millis);
  if (!Number.isFinite(ms) || !entropy) return null;
  const digest = createHash("sha256").update(`${entropy}:${index}`).digest();
  return encodeTime(ms) + encodeRandom(digest.subarray(0, 10));
}
