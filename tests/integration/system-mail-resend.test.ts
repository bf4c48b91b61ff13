import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startResendApiServer } from "../support/resend-api-server";

const API_KEY = "re_test_123";
let resend: Awaited<ReturnType<typeof startResendApiServer>>;
let mail: typeof import("@/lib/email/send-system-mail");

beforeAll(async () => {
  resend = await startResendApiServer({ apiKey: API_KEY });
  // Before the first env() read: this file runs with Resend configured as the system mail provider.
  process.env.RESEND_API_KEY = API_KEY;
  process.env.RESEND_BASE_URL = resend.url;
  mail = await import("@/lib/email/send-system-mail");
});
afterAll(() => resend.close());

describe("system mail through Resend", () => {
  it("sends through Resend's API and stores nothing in the local outbox", async () => {
    expect(mail.systemMailTransport()).toBe("resend");
    const result = await mail.sendSystemMail({ kind: "magic-link", to: "rep@example.com", subject: "Sign in", html: "<p>Hi</p>", text: "Hi" });
    expect(result.transport).toBe("resend");
    expect(resend.received).toHaveLength(1);
    const { body } = resend.received[0];
    expect(body).toMatchObject({ to: "rep@example.com", subject: "Sign in", html: "<p>Hi</p>", text: "Hi" });
    expect((body.headers as Record<string, string>)["Message-ID"]).toBe(result.messageId);

    const { getDb } = await import("@/db");
    const { outboxMessages } = await import("@/db/schema/outbox");
    expect(await (await getDb()).select().from(outboxMessages)).toHaveLength(0);
  });

  it("reports Resend's own words when it refuses", async () => {
    resend.failNextWith(422, "validation_error", "The `to` field is invalid.");
    const error = await mail.sendSystemMail({ kind: "invitation", to: "x@example.com", subject: "Join", html: "<p>x</p>", text: "x" }).catch((e) => e);
    expect(error).toMatchObject({ code: "unavailable" });
    expect(error.message).toContain("The `to` field is invalid.");
  });

  it("rejects a malformed message before calling the provider", async () => {
    const before = resend.received.length;
    await expect(mail.sendSystemMail({ kind: "x", to: "not-an-email", subject: "s", html: "h", text: "t" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(resend.received).toHaveLength(before);
  });
});
