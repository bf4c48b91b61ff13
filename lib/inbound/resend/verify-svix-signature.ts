// Resend signs its webhooks with Svix: HMAC-SHA256 over "<svix-id>.<svix-timestamp>.<raw body>", keyed with the
// base64 part of the endpoint's "whsec_…" secret, sent as a space-separated list of "v1,<base64>" signatures.
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";

/** How far svix-timestamp may be from our clock, either way: a captured request cannot be replayed later. */
export const SVIX_TOLERANCE_SECONDS = 5 * 60;

export type SvixHeaders = { id: string | null; timestamp: string | null; signature: string | null };

const unauthorized = (message: string) => new AppError("unauthorized", message);

/** The HMAC key of a Svix secret; the "whsec_" prefix is optional (dashboards show it, some people drop it). */
export function svixSecretKey(secret: string): Buffer {
  const b64 = secret.trim().replace(/^whsec_/, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw new AppError("invalid_input", "A webhook signing secret looks like whsec_ followed by base64.");
  return Buffer.from(b64, "base64");
}

/** Throws AppError("unauthorized") unless one of the v1 signatures matches the raw body (as received, never re-serialized). */
export function verifySvixSignature({
  secret,
  headers,
  rawBody,
  now = new Date(),
}: {
  secret: string;
  headers: SvixHeaders;
  rawBody: string | Uint8Array;
  now?: Date;
}): void {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) throw unauthorized("Missing svix-id, svix-timestamp or svix-signature header.");
  if (!/^\d{1,12}$/.test(timestamp)) throw unauthorized("Invalid svix-timestamp.");
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (skew > SVIX_TOLERANCE_SECONDS) throw unauthorized("The webhook timestamp is too old or too far in the future.");

  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  const expected = createHmac("sha256", svixSecretKey(secret))
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`, "utf8"), body]))
    .digest();

  // Several signatures appear while a secret is being rotated (and other schemes, like v1a, may sit beside
  // them): any one v1 match is enough. Every candidate is compared, so timing says nothing about which matched.
  let matched = false;
  for (const entry of signature.split(" ")) {
    const comma = entry.indexOf(",");
    if (comma < 0 || entry.slice(0, comma) !== "v1") continue;
    const candidate = Buffer.from(entry.slice(comma + 1), "base64");
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
  }
  if (!matched) throw unauthorized("The webhook signature does not match.");
}
