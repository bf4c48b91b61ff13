import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema/outbox";
import { createLocalOutboxProvider } from "@/lib/email/providers/local-outbox-provider";
import { createMailProvider } from "@/lib/email/providers/create-mail-provider";
import type { MailProviderError } from "@/lib/email/providers/mail-provider";
import { createResendProvider } from "@/lib/email/providers/resend-provider";
import { createUserWithTeam } from "../support/factories";
import { startResendApiServer } from "../support/resend-api-server";
import { sampleMessage } from "../support/sample-message";

const API_KEY = "re_mailbox_key";
let resend: Awaited<ReturnType<typeof startResendApiServer>>;
beforeAll(async () => {
  resend = await startResendApiServer({ apiKey: API_KEY });
});
afterAll(() => resend.close());

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as MailProviderError);

describe("Resend provider", () => {
  it("sends the built fields with our headers and the Idempotency-Key", async () => {
    const provider = createResendProvider({ credentials: { provider: "resend", apiKey: API_KEY }, baseUrl: resend.url });
    const message = await sampleMessage({ inReplyTo: "<parent@acme.test>" });
    const result = await provider.send({ message, idempotencyKey: "enrolment:e1:step:1" });
    const { headers, body } = resend.received.at(-1)!;
    expect(result.providerMessageId).toBe(`re_${resend.received.length}`);
    expect(headers["idempotency-key"]).toBe("enrolment:e1:step:1");
    expect(body).toMatchObject({ from: '"Rita Rep" <rep@acme.test>', to: ["grace@example.org"], subject: "Re: Quick question", html: message.fields.html, text: message.fields.text });
    expect(body.headers).toMatchObject({
      "Message-ID": message.messageId,
      "In-Reply-To": "<parent@acme.test>",
      References: "<parent@acme.test>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("maps Resend's error names: rate limits transient, bad keys auth_failed, validation permanent", async () => {
    const provider = createResendProvider({ credentials: { provider: "resend", apiKey: API_KEY }, baseUrl: resend.url });
    const message = await sampleMessage();
    resend.failNextWith(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second.");
    expect(await failure(provider.send({ message, idempotencyKey: "x" }))).toMatchObject({ kind: "transient", status: 429, providerMessage: "Too many requests. You can only make 2 requests per second." });
    resend.failNextWith(422, "validation_error", "Invalid `to` field.");
    expect(await failure(provider.send({ message, idempotencyKey: "x" }))).toMatchObject({ kind: "permanent", status: 422 });
    resend.failNextWith(409, "concurrent_idempotent_requests", "Same idempotency key request is already in progress");
    expect(await failure(provider.send({ message, idempotencyKey: "x" }))).toMatchObject({ kind: "transient" });
    const badKey = createResendProvider({ credentials: { provider: "resend", apiKey: "re_wrong" }, baseUrl: resend.url });
    expect(await failure(badKey.send({ message, idempotencyKey: "x" }))).toMatchObject({ kind: "auth_failed", status: 401 });
  });
});

describe("local outbox provider", () => {
  it("stores the message for the team as kind campaign, once per Message-ID, and finds it again", async () => {
    const { team } = await createUserWithTeam("outbox");
    const provider = createMailProvider({ teamId: team.id, provider: "local", credentials: null });
    const message = await sampleMessage();
    const first = await provider.send({ message, idempotencyKey: "k" });
    const retry = await provider.send({ message, idempotencyKey: "k" });
    expect(retry).toEqual(first);
    const rows = await (await getDb()).select().from(outboxMessages).where(eq(outboxMessages.messageId, message.messageId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ teamId: team.id, kind: "campaign", from: "Rita Rep <rep@acme.test>", to: "grace@example.org", html: message.fields.html, text: message.fields.text });
    expect(rows[0].headers["List-Unsubscribe"]).toContain("https://app.test/u/TOKEN");
    expect(await provider.findSent!(message.messageId)).toEqual(first);
    // Another team cannot see it.
    const { team: other } = await createUserWithTeam("other");
    expect(await createLocalOutboxProvider({ teamId: other.id }).findSent!(message.messageId)).toBeNull();
  });

  it("refuses a mailbox whose credentials are missing or for another provider", () => {
    expect(() => createMailProvider({ teamId: "t", provider: "smtp", credentials: null })).toThrow(/Reconnect/);
    expect(() => createMailProvider({ teamId: "t", provider: "gmail", credentials: { provider: "resend", apiKey: "k" } })).toThrow(/Reconnect/);
  });
});
