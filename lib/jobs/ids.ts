// Ids: ULIDs for events and work items (as Inngest gives events), UUIDv7 for runs; both time-ordered and unique across instances.
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

let lastTime = -1;
let lastRandom = new Uint8Array(10);

/** Monotonic within this process: ids made in the same millisecond still sort in creation order. */
export function ulid(timeMs: number = Date.now()): string {
  const time = Math.max(0, Math.floor(timeMs));
  if (time === lastTime) {
    for (let i = 9; i >= 0; i--) {
      lastRandom[i] = (lastRandom[i] + 1) & 0xff;
      if (lastRandom[i] !== 0) break;
    }
  } else {
    lastTime = time;
    lastRandom = new Uint8Array(randomBytes(10));
    // Leave headroom so increments within one millisecond do not wrap.
    lastRandom[0] &= 0x7f;
  }
  return encodeTime(time) + encodeRandom(lastRandom);
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

let lastV7Time = -1;
let lastV7Counter = 0;

/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond time, then a counter and random bits. Run ids use it: they are
 * UUIDs (the dashboard validates them as such) and their text form sorts by creation time, even within one
 * millisecond of this process. Postgres 15 has no uuidv7(), so it is made here.
 */
export function uuidv7(timeMs: number = Date.now()): string {
  const time = Math.max(0, Math.floor(timeMs));
  if (time === lastV7Time) lastV7Counter++;
  else {
    lastV7Time = time;
    lastV7Counter = randomBytes(2).readUInt16BE(0) & 0x1ff;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(time, 0, 6);
  // Version 7 with a 12-bit counter (rand_a) so ids of one millisecond stay ordered.
  bytes[6] = 0x70 | ((lastV7Counter >> 8) & 0x0f);
  bytes[7] = lastV7Counter & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
