// Time to first token through our drafting path versus the same local model server called directly,
// and the full-draft time of a cache hit.
// Run: npx tsx --conditions=react-server bench/ai.ts   (the condition lets `server-only` modules load outside Next)
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildEmailPrompt } from "@/lib/ai/build-email-prompt";
import { emailDraftResponse } from "@/lib/ai/email-draft-response";
import { generateEmailInputSchema } from "@/lib/ai/generate-email.schema";
import { getLanguageModel } from "@/lib/ai/models";
import { startOpenAICompatibleServer } from "@/tests/support/openai-compatible-server";

// Keep the bench's generated local secrets out of the working copy.
process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "bench-ai-"));

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const WARMUP = 5;
// A model's own think time before its first token; the same for both paths, so it cancels out.
const FIRST_TOKEN_DELAY_MS = 20;

const input = generateEmailInputSchema.parse({
  lead: { firstName: "Imogen", company: "Kestrel Bank", title: "Head of Sales" },
  facts: [
    { id: "f1", claim: "Kestrel Bank launched a mobile mortgage app in October.", sourceUrl: "https://kestrel.example/news" },
    { id: "f2", claim: "Kestrel Bank is hiring 40 engineers in Manchester.", sourceUrl: "https://kestrel.example/careers" },
  ],
  goal: "book a short demo of Relay, our outbound email assistant",
  sender: { name: "Tom Becker", company: "Relay" },
  length: "medium",
});

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Reads a body to the end; returns ms from `start` to the first chunk that satisfies `isFirst`. */
async function firstAndDrain(body: ReadableStream<Uint8Array>, start: number, isFirst: (text: string) => boolean): Promise<number> {
  const decoder = new TextDecoder();
  let first = -1;
  let seen = "";
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (first < 0) {
      seen += decoder.decode(value, { stream: true });
      if (isFirst(seen)) first = performance.now() - start;
    }
  }
  if (first < 0) throw new Error("no first token seen");
  return first;
}

async function main() {
  const server = await startOpenAICompatibleServer({ firstChunkDelayMs: FIRST_TOKEN_DELAY_MS });
  const selected = getLanguageModel({ OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "bench-model" });
  const prompt = buildEmailPrompt(input);

  // Direct: the same request our client sends, read as raw SSE until the first content delta.
  async function direct(): Promise<number> {
    const start = performance.now();
    const res = await fetch(`${server.baseURL}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer not-needed" },
      body: JSON.stringify({
        model: "bench-model",
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: "system", content: prompt.system }, { role: "user", content: prompt.prompt }],
      }),
    });
    return firstAndDrain(res.body!, start, (t) => /"content":"[^"]/.test(t));
  }

  // Ours: rate limits, prompt building, cache lookup (bypassed: regenerate), streamText, text response.
  async function route(): Promise<number> {
    const start = performance.now();
    const res = await emailDraftResponse({ teamId: randomUUID(), userId: randomUUID(), input, bypassCache: true, model: selected });
    if (res.status !== 200) throw new Error(`route answered ${res.status}`);
    return firstAndDrain(res.body!, start, (t) => t.length > 0);
  }

  const teamId = randomUUID();
  await (await emailDraftResponse({ teamId, userId: randomUUID(), input, model: selected })).text();
  async function cacheHit(): Promise<number> {
    const start = performance.now();
    const res = await emailDraftResponse({ teamId, userId: randomUUID(), input, model: selected });
    if (res.headers.get("x-cache") !== "hit") throw new Error("expected a cache hit");
    await res.text();
    return performance.now() - start;
  }

  for (let i = 0; i < WARMUP; i++) {
    await direct();
    await route();
    await cacheHit();
  }
  const directs: number[] = [];
  const routes: number[] = [];
  const hits: number[] = [];
  const callsBefore = server.calls;
  // Interleaved, so drift (GC, JIT, the other process on the box) hits both paths alike.
  for (let i = 0; i < ITERATIONS; i++) {
    directs.push(await direct());
    routes.push(await route());
    hits.push(await cacheHit());
  }
  if (server.calls - callsBefore !== ITERATIONS * 2) throw new Error("a cache hit reached the model server");
  await server.close();

  const d = p50(directs);
  const r = p50(routes);
  console.log(`iterations=${ITERATIONS}`);
  console.log(`model_first_token_delay_ms=${FIRST_TOKEN_DELAY_MS}`);
  console.log(`ttft_direct_p50_ms=${d.toFixed(2)}`);
  console.log(`ttft_route_p50_ms=${r.toFixed(2)}`);
  console.log(`ttft_overhead_p50_ms=${(r - d).toFixed(2)}`);
  console.log(`cache_hit_p50_ms=${p50(hits).toFixed(2)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
