// Checks a token from a public URL: the right kind, an intact MAC under a current or previous key.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { trackingKeys, type TrackingKeys } from "./tracking-keys";
import {
  bodyLength,
  decodeBody,
  KIND_CODES,
  MAC_BYTES,
  mac,
  TOKEN_VERSION,
  type TrackingTokenKind,
  type TrackingTokenPayload,
} from "./tracking-token-codec";

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The payload, or null for anything not issued by us for this purpose (tampered, truncated, other kind). */
export function verifyTrackingToken<K extends TrackingTokenKind>(
  token: string,
  kind: K,
  keys: TrackingKeys = trackingKeys(),
): Extract<TrackingTokenPayload, { kind: K }> | null {
  const expected = bodyLength(kind) + MAC_BYTES;
  // Exact length in characters first: base64url of `expected` bytes, unpadded.
  if (token.length !== Math.ceil((expected * 4) / 3) || !BASE64URL.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  // Re-encoding must give the same text: rejects non-canonical spellings of the same bytes.
  if (raw.length !== expected || raw.toString("base64url") !== token) return null;
  const body = raw.subarray(0, expected - MAC_BYTES);
  const given = raw.subarray(expected - MAC_BYTES);
  if (body[0] !== TOKEN_VERSION || body[1] !== KIND_CODES[kind]) return null;
  const valid = keys.all.some((key) => timingSafeEqual(mac(key, body), given));
  return valid ? (decodeBody(kind, body) as Extract<TrackingTokenPayload, { kind: K }>) : null;
}
