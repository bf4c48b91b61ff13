import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signTrackingToken } from "@/lib/tracking/sign-tracking-token";
import { buildTrackingKeys } from "@/lib/tracking/tracking-keys";
import { verifyTrackingToken } from "@/lib/tracking/verify-tracking-token";

const secret = randomBytes(32).toString("base64url");
const keys = buildTrackingKeys(secret);
const ids = { teamId: randomUUID(), emailId: randomUUID(), linkId: randomUUID() };

describe("tracking tokens", () => {
  it("round-trips each kind and carries only ids", () => {
    const click = signTrackingToken({ kind: "click", ...ids }, keys);
    expect(verifyTrackingToken(click, "click", keys)).toEqual({ kind: "click", ...ids });
    const open = signTrackingToken({ kind: "open", teamId: ids.teamId, emailId: ids.emailId }, keys);
    expect(verifyTrackingToken(open, "open", keys)).toEqual({ kind: "open", teamId: ids.teamId, emailId: ids.emailId });
    const unsub = signTrackingToken({ kind: "unsubscribe", teamId: ids.teamId, emailId: ids.emailId }, keys);
    expect(verifyTrackingToken(unsub, "unsubscribe", keys)?.emailId).toBe(ids.emailId);
    // 16 bytes per id + 2 header + 16 MAC: nothing else (no URL) fits in it.
    expect(Buffer.from(click, "base64url")).toHaveLength(66);
  });

  it("rejects a token of another kind: an open or unsubscribe token is not a click token", () => {
    const open = signTrackingToken({ kind: "open", teamId: ids.teamId, emailId: ids.emailId }, keys);
    const unsub = signTrackingToken({ kind: "unsubscribe", teamId: ids.teamId, emailId: ids.emailId }, keys);
    expect(verifyTrackingToken(open, "unsubscribe", keys)).toBeNull();
    expect(verifyTrackingToken(unsub, "open", keys)).toBeNull();
    expect(verifyTrackingToken(open, "click", keys)).toBeNull();
  });

  it("rejects every single-character change, truncation and extension", () => {
    const token = signTrackingToken({ kind: "click", ...ids }, keys);
    for (let i = 0; i < token.length; i++) {
      const c = token[i];
      const swapped = token.slice(0, i) + (c === "A" ? "B" : "A") + token.slice(i + 1);
      expect(verifyTrackingToken(swapped, "click", keys), `position ${i}`).toBeNull();
    }
    expect(verifyTrackingToken(token.slice(0, -1), "click", keys)).toBeNull();
    expect(verifyTrackingToken(`${token}A`, "click", keys)).toBeNull();
    expect(verifyTrackingToken("", "click", keys)).toBeNull();
  });

  it("rejects tokens signed with another secret, and accepts ones signed under a previous secret", () => {
    const foreign = signTrackingToken({ kind: "click", ...ids }, buildTrackingKeys(randomBytes(32).toString("base64url")));
    expect(verifyTrackingToken(foreign, "click", keys)).toBeNull();
    const old = randomBytes(32).toString("base64url");
    const fromOld = signTrackingToken({ kind: "unsubscribe", teamId: ids.teamId, emailId: ids.emailId }, buildTrackingKeys(old));
    expect(verifyTrackingToken(fromOld, "unsubscribe", buildTrackingKeys(secret, [old]))?.teamId).toBe(ids.teamId);
    expect(verifyTrackingToken(fromOld, "unsubscribe", keys)).toBeNull();
  });
});
