import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError, errorResponse, toErrorPayload } from "@/lib/errors";

afterEach(() => vi.restoreAllMocks());

describe("errors", () => {
  it("maps each AppError code to its HTTP status and keeps the user's message", async () => {
    const cases = [["invalid_input", 400], ["unauthorized", 401], ["forbidden", 403], ["not_found", 404], ["conflict", 409], ["rate_limited", 429]] as const;
    for (const [code, status] of cases) {
      const res = errorResponse(new AppError(code, `msg ${code}`));
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ error: { code, message: `msg ${code}` } });
    }
  });

  it("sends Retry-After with a rate-limited answer", () => {
    const res = errorResponse(new AppError("rate_limited", "Too many.", { retryAfterSeconds: 42 }));
    expect(res.headers.get("Retry-After")).toBe("42");
  });

  it("hides unknown errors behind a generic message and logs them with context", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const payload = toErrorPayload(new Error("password=hunter2 at db.ts:12"), { route: "/x" });
    expect(payload.status).toBe(500);
    expect(JSON.stringify(payload.body)).not.toContain("hunter2");
    expect(log).toHaveBeenCalledWith("Unhandled error", expect.objectContaining({ route: "/x" }));
  });
});
