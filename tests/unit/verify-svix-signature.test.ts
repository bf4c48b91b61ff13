import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { verifySvixSignature } from "@/lib/inbound/resend/verify-svix-signature";
import { newSvixSecret, svixHeaders } from "../support/svix-sign";

const body = JSON.stringify({ type: "email.received", created_at: "2026-05-01T10:00:00.000Z", data: { email_id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c" } });
const now = new Date("2026-05-01T10:00:30Z");
const secret = newSvixSecret();

function headersOf(h: Record<string, string>) {
  return { id: h["svix-id"] ?? null, timestamp: h["svix-timestamp"] ?? null, signature: h["svix-signature"] ?? null };
}

function attempt(args: Parameters<typeof verifySvixSignature>[0]): AppError | null {
  try {
    verifySvixSignature(args);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("verifySvixSignature", () => {
  it("accepts the example delivery from Svix's own documentation", () => {
    // Published test vector: secret, id, timestamp, body and signature exactly as Svix lists them.
    const headers = { id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: "1614265330", signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" };
    const at = new Date(1614265330 * 1000 + 10_000);
    expect(attempt({ secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, rawBody: '{"test": 2432232314}', now: at })).toBeNull();
    // Without the whsec_ prefix the key is the same.
    expect(attempt({ secret: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, rawBody: '{"test": 2432232314}', now: at })).toBeNull();
    // One byte of whitespace changes the signed content.
    expect(attempt({ secret: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, rawBody: '{"test":2432232314}', now: at })?.code).toBe("unauthorized");
  });

  it("accepts a valid delivery, given as a string or as the raw bytes", () => {
    const headers = headersOf(svixHeaders({ secrets: [secret], body, at: now }));
    expect(attempt({ secret, headers, rawBody: body, now })).toBeNull();
    expect(attempt({ secret, headers, rawBody: new TextEncoder().encode(body), now })).toBeNull();
  });

  it("rejects a tampered body", () => {
    const headers = headersOf(svixHeaders({ secrets: [secret], body, at: now }));
    const error = attempt({ secret, headers, rawBody: body.replace("email.received", "email.bounced"), now });
    expect(error?.code).toBe("unauthorized");
    expect(error?.status).toBe(401);
  });

  it("rejects a tampered svix-id (the id is part of the signed content)", () => {
    const headers = headersOf(svixHeaders({ secrets: [secret], body, at: now }));
    expect(attempt({ secret, headers: { ...headers, id: "msg_other" }, rawBody: body, now })?.code).toBe("unauthorized");
  });

  it("rejects a delivery signed 6 minutes ago and one stamped 6 minutes ahead, but allows 4 minutes of skew", () => {
    const stale = headersOf(svixHeaders({ secrets: [secret], body, at: new Date(now.getTime() - 6 * 60_000) }));
    expect(attempt({ secret, headers: stale, rawBody: body, now })?.message).toMatch(/too old or too far in the future/);
    const future = headersOf(svixHeaders({ secrets: [secret], body, at: new Date(now.getTime() + 6 * 60_000) }));
    expect(attempt({ secret, headers: future, rawBody: body, now })?.message).toMatch(/too old or too far in the future/);
    const skewed = headersOf(svixHeaders({ secrets: [secret], body, at: new Date(now.getTime() - 4 * 60_000) }));
    expect(attempt({ secret, headers: skewed, rawBody: body, now })).toBeNull();
  });

  it("accepts a rotated delivery whose second signature is the one for our secret", () => {
    const headers = headersOf(svixHeaders({ secrets: [newSvixSecret(), secret], body, at: now }));
    expect(headers.signature?.split(" ")).toHaveLength(2);
    expect(attempt({ secret, headers, rawBody: body, now })).toBeNull();
  });

  it("ignores signatures of other schemes even when their bytes would match", () => {
    const valid = headersOf(svixHeaders({ secrets: [secret], body, at: now }));
    const asV2 = valid.signature!.replace(/^v1,/, "v2,");
    expect(attempt({ secret, headers: { ...valid, signature: `v1a,abc ${asV2}` }, rawBody: body, now })?.code).toBe("unauthorized");
  });

  it("rejects a delivery signed with another secret", () => {
    const headers = headersOf(svixHeaders({ secrets: [newSvixSecret()], body, at: now }));
    expect(attempt({ secret, headers, rawBody: body, now })?.message).toMatch(/signature does not match/);
  });

  it("rejects a delivery with any of the three headers missing or malformed", () => {
    const headers = headersOf(svixHeaders({ secrets: [secret], body, at: now }));
    for (const missing of ["id", "timestamp", "signature"] as const) {
      expect(attempt({ secret, headers: { ...headers, [missing]: null }, rawBody: body, now })?.message).toMatch(/Missing svix-id/);
    }
    expect(attempt({ secret, headers: { ...headers, timestamp: "1.7e9" }, rawBody: body, now })?.message).toMatch(/Invalid svix-timestamp/);
    expect(attempt({ secret, headers: { ...headers, signature: "v1," }, rawBody: body, now })?.code).toBe("unauthorized");
  });
});
