// Request signing as the Inngest SDK expects it, and the bearer token the SDK presents to the executor's API.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = /^signkey-[\w]+-/;

function stripPrefix(signingKey: string): string {
  return signingKey.replace(PREFIX, "");
}

function hmacHex(signingKey: string, payload: string, timestamp: string): string {
  return createHmac("sha256", stripPrefix(signingKey)).update(payload).update(timestamp).digest("hex");
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `X-Inngest-Signature` for a body (the exact bytes sent), stamped with real time. */
export function signBody(body: string, signingKey: string, nowMs: number = Date.now()): string {
  const t = Math.floor(nowMs / 1000).toString();
  return `t=${t}&s=${hmacHex(signingKey, body, t)}`;
}

/** Checks a signature header over `body`; timestamps more than 5 minutes off are rejected. */
export function verifySignature(
  header: string | null | undefined,
  body: string,
  signingKey: string,
  nowMs: number = Date.now(),
): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const t = params.get("t");
  const s = params.get("s");
  if (!t || !s) return false;
  const ts = Number.parseInt(t, 10);
  if (!Number.isFinite(ts) || Math.abs(nowMs - ts * 1000) > 5 * 60_000) return false;
  return safeEqual(hmacHex(signingKey, body, t), s);
}

/** What the SDK sends as `Authorization: Bearer …`: the prefix kept, the hex key hashed. */
export function hashedSigningKey(signingKey: string): string {
  const prefix = signingKey.match(PREFIX)?.[0] ?? "";
  return `${prefix}${createHash("sha256").update(Buffer.from(stripPrefix(signingKey), "hex")).digest("hex")}`;
}

export function bearerMatches(header: string | null | undefined, signingKey: string): boolean {
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  return Boolean(token) && safeEqual(token!, hashedSigningKey(signingKey));
}

export function eventKeyMatches(given: string, expected: string): boolean {
  return safeEqual(given, expected);
}
