// Structured calls (reply classification, fact extraction) through @ai-sdk/openai against a local server:
// JSON-schema response_format on the wire, the answer validated and normalised on the way back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { classifyReply } from "@/lib/ai/classify-reply";
import { getLanguageModel } from "@/lib/ai/models";
import { extractFacts } from "@/lib/research/extract-facts";
import { startOpenAICompatibleServer, type OpenAICompatibleServer } from "@/tests/support/openai-compatible-server";

let server: OpenAICompatibleServer;
let model: ReturnType<typeof getLanguageModel>;
beforeAll(async () => {
  server = await startOpenAICompatibleServer();
  model = getLanguageModel({ OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "test-model", OPENAI_API_KEY: "sk-local" });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

const RECEIVED = "2026-12-03T09:15:00Z";

describe("classifyReply with a real model client", () => {
  it("asks for JSON matching the classification schema and returns the model's answer", async () => {
    const result = await classifyReply(
      { subject: "Out of office", text: "I'm on leave and back on Monday 14 December. Urgent: ops@kestrel.example", receivedAt: RECEIVED },
      { model },
    );
    expect(result).toEqual({ intent: "out_of_office", returnDate: "2026-12-14", referralEmail: "ops@kestrel.example", confidence: expect.any(Number) });
    expect(server.calls).toBe(1);
    const req = server.requests[0];
    expect(req.stream).toBeFalsy();
    expect(req.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "reply_classification", strict: true } });
    expect(JSON.stringify(req.response_format)).toContain("unsubscribe_request");
    expect(server.authorizations[0]).toBe("Bearer sk-local");
  });

  it("normalises a sloppy answer: invalid dates and addresses become null, confidence is clamped", async () => {
    server.configure({ respond: () => ({ text: JSON.stringify({ intent: "out_of_office", returnDate: "next Monday", referralEmail: "N/A", confidence: 7 }) }) });
    expect(await classifyReply({ subject: "", text: "Away.", receivedAt: RECEIVED }, { model })).toEqual({
      intent: "out_of_office",
      returnDate: null,
      referralEmail: null,
      confidence: 1,
    });
  });

  it("keeps a return date only for out-of-office replies", async () => {
    server.configure({ respond: () => ({ text: JSON.stringify({ intent: "interested", returnDate: "2026-12-14", referralEmail: null, confidence: 0.8 }) }) });
    expect((await classifyReply({ subject: "", text: "Let's talk.", receivedAt: RECEIVED }, { model })).returnDate).toBeNull();
  });

  it("fails loudly when the model's JSON does not match the schema (so a job retries)", async () => {
    server.configure({ respond: () => ({ text: JSON.stringify({ intent: "maybe", returnDate: null, referralEmail: null, confidence: 0.5 }) }) });
    await expect(classifyReply({ subject: "", text: "Hmm.", receivedAt: RECEIVED }, { model })).rejects.toThrow();
  });
});

describe("extractFacts with a real model client", () => {
  const page = {
    url: "https://kestrel.example/news",
    title: "Kestrel Bank news",
    text: "Kestrel Bank raised $50M in a Series C led by Atomico. We're hiring 40 engineers in Manchester. Read our cookie policy.",
    company: "Kestrel Bank",
    fetchedAt: "2026-12-01T10:00:00.000Z",
  };

  it("attaches our source and time to the model's claims", async () => {
    const facts = await extractFacts(page, { model });
    expect(facts).toEqual([
      { claim: "Kestrel Bank raised $50M in a Series C led by Atomico.", sourceUrl: page.url, fetchedAt: page.fetchedAt, confidence: expect.any(Number) },
      { claim: "Kestrel Bank is hiring 40 engineers in Manchester.", sourceUrl: page.url, fetchedAt: page.fetchedAt, confidence: expect.any(Number) },
    ]);
    expect(server.requests[0].response_format).toMatchObject({ type: "json_schema", json_schema: { name: "research_facts" } });
  });

  it("drops claims the page does not contain, duplicates, and out-of-range confidence", async () => {
    server.configure({
      respond: () => ({
        text: JSON.stringify({
          facts: [
            { claim: "Kestrel Bank raised $50M in a Series C led by Atomico.", confidence: 3 },
            { claim: "Kestrel Bank raised $50M in a Series C led by Atomico.", confidence: 0.9 },
            { claim: "Kestrel Bank was acquired by Barclays for two billion pounds.", confidence: 0.9 },
          ],
        }),
      }),
    });
    const facts = await extractFacts(page, { model });
    expect(facts.map((f) => [f.claim, f.confidence])).toEqual([["Kestrel Bank raised $50M in a Series C led by Atomico.", 1]]);
  });
});
