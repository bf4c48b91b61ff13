// Signs a webhook body the way Svix does for Resend, so tests can post deliveries a real endpoint would get:
// svix-signature = "v1," + base64(HMAC-SHA256(base64decode(secret without "whsec_"), "<id>.<timestamp>.<body>")).
import { createHmac, randomBytes } from "node:crypto";

/** A fresh endpoint secret in Resend's form: "whsec_" + base64 of 24 random bytes. */
export function newSvixSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function svixSignature({ secret, id, timestamp, body }: { secret: string; id: string; timestamp: number; body: string }): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/** The three headers of one delivery. `secrets` signs with each (rotation sends one signature per secret). */
export function svixHeaders({
  secrets,
  body,
  id = `msg_${randomBytes(12).toString("base64url")}`,
  at = new Date(),
}: {
  secrets: string[];
  body: string;
  id?: string;
  at?: Date;
}): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    "content-type": "application/json",
    "svix-id": id,
    "svix-timestamp": String(timestamp),
    "svix-signature": secrets.map((secret) => svixSignature({ secret, id, timestamp, body })).join(" "),
  };
}
