// Binary layout of tracking tokens: ids only (never a URL), authenticated with a truncated HMAC-SHA256.
//   [version 1][kind 1][team 16][email 16][link 16, clicks only][mac 16]  → base64url
import { createHmac } from "node:crypto";

export type TrackingTokenPayload =
  | { kind: "open"; teamId: string; emailId: string }
  | { kind: "click"; teamId: string; emailId: string; linkId: string }
  | { kind: "unsubscribe"; teamId: string; emailId: string };
export type TrackingTokenKind = TrackingTokenPayload["kind"];

export const TOKEN_VERSION = 1;
export const MAC_BYTES = 16;
export const KIND_CODES: Record<TrackingTokenKind, number> = { open: 1, click: 2, unsubscribe: 3 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidToBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return Buffer.from(id.replace(/-/g, ""), "hex");
}

export function bytesToUuid(b: Buffer): string {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function bodyLength(kind: TrackingTokenKind): number {
  return 2 + 16 + 16 + (kind === "click" ? 16 : 0);
}

export function encodeBody(payload: TrackingTokenPayload): Buffer {
  const parts = [Buffer.from([TOKEN_VERSION, KIND_CODES[payload.kind]]), uuidToBytes(payload.teamId), uuidToBytes(payload.emailId)];
  if (payload.kind === "click") parts.push(uuidToBytes(payload.linkId));
  return Buffer.concat(parts);
}

export function decodeBody(kind: TrackingTokenKind, body: Buffer): TrackingTokenPayload {
  const teamId = bytesToUuid(body.subarray(2, 18));
  const emailId = bytesToUuid(body.subarray(18, 34));
  if (kind === "click") return { kind, teamId, emailId, linkId: bytesToUuid(body.subarray(34, 50)) };
  return { kind, teamId, emailId };
}

export function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac("sha256", key).update(body).digest().subarray(0, MAC_BYTES);
}
