// Drafting through the real @ai-sdk/openai client against a local server speaking OpenAI's wire format.
import { randomUUID } from "node:crypto";
import { callCompletionApi } from "ai";
import { describe, expect, it } from "vitest";
import { emailDraftResponse } from "@/lib/ai/email-draft-response";
import { emailRewriteResponse } from "@/lib/ai/email-rewrite-response";
import { streamEmailDraft } from "@/lib/ai/generate-email";
import { generateEmailInputSchema } from "@/lib/ai/generate-email.schema";
import { getLanguageModel } from "@/lib/ai/models";
import { parseDraft } from "@/lib/ai/parse-draft";
import { rewriteEmailInputSchema } from "@/lib/ai/rewrite-email.schema";
import { useOpenAICompatibleServerAsModel } from "@/tests/support/use-openai-compatible-model";

const llm = useOpenAICompatibleServerAsModel();

const FACTS = [
  { id: "f1", claim: "Kestrel Bank launched a mobile mortgage app in October.", sourceUrl: "https://kestrel.example/news" },
  { id: "f2", claim: "Kestrel Bank is hiring 40 engineers in Manchester.", sourceUrl: "https://kestrel.example/careers" },
];
// A fresh goal per test keeps cache entries from leaking between tests.
const input = (goal = `show you how Relay cuts onboarding time (${randomUUID().slice(0, 8)})`) =>
  generateEmailInputSchema.parse({ lead: { firstName: "Imogen", company: "Kestrel Bank" }, facts: FACTS, goal, length: "medium" });

async function readAll(stream: ReadableStream<string>): Promise<{ chunks: string[]; times: number[] }> {
  const chunks: string[] = [];
  const times: number[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { chunks, times };
    chunks.push(value);
    times.push(performance.now());
  }
}

describe("streamEmailDraft against an OpenAI-compatible server", () => {
  it("streams the draft in pieces that arrive before the server has finished", async () => {
    llm().configure({ chunkDelayMs: 8 });
    const teamId = randomUUID();
    const draft = await streamEmailDraft({ teamId, userId: randomUUID(), input: input() });
    expect(draft).toMatchObject({ cache: "miss", model: { kind: "openai-compatible", label: expect.stringContaining("test-model") } });
    const { chunks, times } = await readAll(draft.textStream);
    expect(chunks.length).toBeGreaterThan(30);
    // The first words were readable long before the last ones existed.
    expect(times.at(-1)! - times[0]).toBeGreaterThan(150);

    const parsed = parseDraft(chunks.join(""), ["f1", "f2"]);
    expect(parsed).toMatchObject({ subject: "An idea for Kestrel Bank", complete: true, unknownFactIds: [] });
    expect(parsed.factIds.length).toBeGreaterThan(0);

    expect(llm().calls).toBe(1);
    const req = llm().requests[0];
    expect(req).toMatchObject({ model: "test-model", stream: true });
    expect(req.messages[0]).toMatchObject({ role: "system" });
    expect(String(req.messages[0].content)).toMatch(/only from task\.input\.facts/);
    expect(JSON.stringify(req.messages[1].content)).toContain("copilot-task");
    expect(llm().authorizations[0]).toBe("Bearer not-needed");
  });

  it("serves a repeat from the cache at once, without reaching the server", async () => {
    const teamId = randomUUID();
    const same = input();
    const first = await readAll((await streamEmailDraft({ teamId, userId: randomUUID(), input: same })).textStream);
    expect(llm().calls).toBe(1);

    const saved: Array<{ text: string; cache: string }> = [];
    const again = await streamEmailDraft({ teamId, userId: randomUUID(), input: same, onDraft: (d) => void saved.push(d) });
    expect(again.cache).toBe("hit");
    const cached = await readAll(again.textStream);
    expect(cached.chunks).toEqual([first.chunks.join("")]);
    expect(llm().calls).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toEqual([{ text: first.chunks.join(""), cache: "hit", model: again.model }]);
  });

  it("regenerates past the cache, and never shares a cached draft with another team or model", async () => {
    const teamId = randomUUID();
    const same = input();
    await readAll((await streamEmailDraft({ teamId, userId: "u", input: same })).textStream);
    const regenerated = await streamEmailDraft({ teamId, userId: "u", input: same, bypassCache: true });
    expect(regenerated.cache).toBe("miss");
    await readAll(regenerated.textStream);
    expect(llm().calls).toBe(2);

    expect((await streamEmailDraft({ teamId: randomUUID(), userId: "u", input: same })).cache).toBe("miss");
    const otherModel = getLanguageModel({ OPENAI_BASE_URL: llm().baseURL, OPENAI_MODEL: "other-model" });
    expect((await streamEmailDraft({ teamId, userId: "u", input: same, model: otherModel })).cache).toBe("miss");
  });

  it("does not cache a draft the reader abandoned", async () => {
    llm().configure({ chunkDelayMs: 5 });
    const teamId = randomUUID();
    const same = input();
    const saved: string[] = [];
    const onDraft = (d: { text: string }) => void saved.push(d.text);
    const draft = await streamEmailDraft({ teamId, userId: "u", input: same, onDraft });
    const reader = draft.textStream.getReader();
    await reader.read();
    await reader.cancel("closed tab");
    const next = await streamEmailDraft({ teamId, userId: "u", input: same, onDraft });
    expect(next.cache).toBe("miss");
    const full = (await readAll(next.textStream)).chunks.join("");
    await new Promise((r) => setTimeout(r, 0));
    // Only the finished draft is reported for saving.
    expect(saved).toEqual([full]);
  });
});

describe("emailDraftResponse (the route after sign-in)", () => {
  it("answers with a text stream useCompletion reads, plus model and cache headers", async () => {
    llm().configure({ chunkDelayMs: 2 });
    const args = { teamId: randomUUID(), userId: randomUUID(), input: input() };
    const res = await emailDraftResponse(args);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("x-cache")).toBe("miss");
    expect(res.headers.get("x-model-label")).toBe(`test-model (OpenAI-compatible, ${new URL(llm().baseURL).host})`);

    // Exactly what @ai-sdk/react's useCompletion does with streamProtocol "text".
    const seen: string[] = [];
    const result = await callCompletionApi({
      api: "/api/ai/generate-email",
      prompt: "",
      credentials: undefined,
      headers: undefined,
      body: {},
      streamProtocol: "text",
      setCompletion: (c: string) => seen.push(c),
      setLoading: () => {},
      setError: (e: Error | undefined) => expect(e).toBeUndefined(),
      setAbortController: () => {},
      onFinish: undefined,
      onError: undefined,
      fetch: async () => res,
    });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(result);
    expect(parseDraft(result ?? "").complete).toBe(true);

    const hit = await emailDraftResponse(args);
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(await hit.text()).toBe(result);
  });

  it("answers 429 with Retry-After once a user has used their 20 generations a minute", async () => {
    const teamId = randomUUID();
    const userId = randomUUID();
    const same = input();
    for (let i = 0; i < 20; i++) {
      const ok = await emailDraftResponse({ teamId, userId, input: same });
      expect(ok.status).toBe(200);
      await ok.text();
    }
    const limited = await emailDraftResponse({ teamId, userId, input: same });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/^Too many AI generations from your account\./) } });
    // Another rep in the same team still has their own budget.
    expect((await emailDraftResponse({ teamId, userId: randomUUID(), input: same })).status).toBe(200);
  });

  it("answers 429 once a team has used its 200 generations a minute, whoever asks", async () => {
    const teamId = randomUUID();
    const same = input();
    for (let u = 0; u < 10; u++) {
      const userId = randomUUID();
      for (let i = 0; i < 20; i++) await (await emailDraftResponse({ teamId, userId, input: same })).text();
    }
    const limited = await emailDraftResponse({ teamId, userId: randomUUID(), input: same });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await limited.json()).error.message).toMatch(/from your team/);
    expect(llm().calls).toBe(1);
  });

  it("turns a model that is down into a 503 error the composer can show, not an empty 200 stream", async () => {
    llm().configure({ respond: () => ({ error: { status: 500, message: "The server had an error while processing your request.", type: "server_error" } }) });
    const res = await emailDraftResponse({ teamId: randomUUID(), userId: randomUUID(), input: input() });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({ code: "unavailable", message: expect.stringContaining("could not answer") });
    // One retry for a 5xx, then it gives up.
    expect(llm().calls).toBe(2);

    llm().configure({ respond: () => ({ error: { status: 401, message: "Incorrect API key provided.", code: "invalid_api_key" } }) });
    const unauthorised = await emailDraftResponse({ teamId: randomUUID(), userId: randomUUID(), input: input() });
    expect(unauthorised.status).toBe(503);
  });
});

describe("with no AI configured", () => {
  it("streams the offline writer's draft, labelled as such", async () => {
    const offline = getLanguageModel({});
    const draft = await streamEmailDraft({ teamId: randomUUID(), userId: "u", input: input(), model: offline });
    expect(draft.model).toMatchObject({ kind: "offline", label: "Offline writer (no AI model configured)" });
    const { chunks } = await readAll(draft.textStream);
    expect(chunks.length).toBeGreaterThan(30);
    expect(parseDraft(chunks.join(""), ["f1", "f2"]).unknownFactIds).toEqual([]);
    expect(llm().calls).toBe(0);
  });
});

describe("emailRewriteResponse", () => {
  it("streams a rewrite of the draft from the model, in the same draft format", async () => {
    const original = await (await emailDraftResponse({ teamId: randomUUID(), userId: randomUUID(), input: input() })).text();
    const res = await emailRewriteResponse({
      teamId: randomUUID(),
      userId: randomUUID(),
      input: rewriteEmailInputSchema.parse({ mode: "more_direct", draft: original, facts: FACTS }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-model-kind")).toBe("openai-compatible");
    const rewritten = parseDraft(await res.text(), ["f1", "f2"]);
    expect(rewritten.complete).toBe(true);
    expect(rewritten.body).toContain("Are you open to");
    expect(JSON.stringify(llm().requests.at(-1)?.messages)).toContain("more direct");
  });
});
