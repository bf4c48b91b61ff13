import { generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { buildEmailPrompt } from "@/lib/ai/build-email-prompt";
import { checkClaims } from "@/lib/ai/check-claims";
import { countWords } from "@/lib/ai/email-text";
import { EMAIL_LENGTHS, EMAIL_TONES, generateEmailInputSchema, type GenerateEmailInput } from "@/lib/ai/generate-email.schema";
import { OFFLINE_UNSUPPORTED_TEXT } from "@/lib/ai/offline-writer/answer-task";
import { createOfflineWriter } from "@/lib/ai/offline-writer/offline-writer-model";
import { parseDraft } from "@/lib/ai/parse-draft";
import { scoreEmail } from "@/lib/ai/score-email";

const FACTS = [
  { id: "f1", claim: "Northwind Freight raised a $32M Series B led by Index Ventures in March 2025.", sourceUrl: "https://northwind.example/news/series-b" },
  { id: "f2", claim: "We're hiring 14 account executives across Chicago and Denver.", sourceUrl: "https://northwind.example/careers" },
  { id: "f3", claim: "Northwind Freight launched a real-time shipment tracking API for mid-size shippers.", sourceUrl: "https://northwind.example/blog/tracking-api" },
  { id: "f4", claim: "The company serves more than 1,200 retail customers.", sourceUrl: "https://northwind.example/about" },
];

const BASE = {
  lead: { firstName: "priya", lastName: "Raman", company: "Northwind Freight", title: "VP of Sales" },
  facts: FACTS,
  goal: "book a 20-minute demo of Relay, our outbound email assistant for sales teams",
  sender: { name: "Tom Becker", company: "Relay" },
};

const input = (overrides: Record<string, unknown> = {}): GenerateEmailInput => generateEmailInputSchema.parse({ ...BASE, ...overrides });

async function write(i: GenerateEmailInput): Promise<string> {
  const prompt = buildEmailPrompt(i);
  const { text } = await generateText({ model: createOfflineWriter(), instructions: prompt.system, prompt: prompt.prompt });
  return text;
}

// Variations a newcomer will hit: no facts, no name, a long goal, first-person facts, a follow-up step.
const VARIANTS: Array<[string, Record<string, unknown>]> = [
  ["all fields", {}],
  ["no facts", { facts: [] }],
  ["no lead details", { lead: {}, facts: [] }],
  ["one fact", { facts: [FACTS[1]] }],
  ["a very long goal", { goal: `introduce Relay ${"and explain how it drafts, schedules and follows up on outbound email for busy sales teams ".repeat(4)}` }],
  ["a very long fact", { facts: [{ id: "long", claim: `${"Northwind Freight expanded its network of regional warehouses ".repeat(5)}.`, sourceUrl: "https://northwind.example/x" }, FACTS[0]] }],
  ["a follow-up step", { context: { stepNumber: 2 } }],
  ["no sender", { sender: {} }],
];

describe("offline writer: email composition", () => {
  for (const tone of EMAIL_TONES) {
    for (const length of EMAIL_LENGTHS) {
      for (const [name, overrides] of VARIANTS) {
        it(`writes a 50–125-word ${tone} ${length} email citing only supplied facts (${name})`, async () => {
          const i = input({ tone, length, ...overrides });
          const draft = parseDraft(await write(i), i.facts.map((f) => f.id));
          expect(draft.complete).toBe(true);
          expect(draft.subject.length).toBeGreaterThan(0);
          expect(draft.subject.length).toBeLessThanOrEqual(50);
          const wordCount = countWords(draft.body);
          expect(wordCount).toBeGreaterThanOrEqual(50);
          expect(wordCount).toBeLessThanOrEqual(125);
          expect(draft.unknownFactIds).toEqual([]);
          // Exactly one ask, no shouting.
          expect(draft.body.match(/\?/g)?.length).toBe(1);
          expect(draft.body).not.toContain("!");
          // Every cited fact's claim really appears in the email, and nothing unsupported does.
          expect(checkClaims({ text: `${draft.subject}\n\n${draft.body}`, facts: i.facts, lead: i.lead, sender: i.sender, goal: i.goal })).toEqual([]);
          if (i.facts.length > 0 && (i.context?.stepNumber ?? 1) === 1) expect(draft.factIds.length).toBeGreaterThan(0);
        });
      }
    }
  }

  it("is deterministic: identical input gives the identical email", async () => {
    const a = await write(input({ tone: "direct", length: "medium" }));
    const b = await write(input({ tone: "direct", length: "medium" }));
    expect(a).toBe(b);
    expect(await write(input({ tone: "casual" }))).not.toBe(a);
  });

  it("greets the lead by name, uses the strongest fact first and signs with the sender", async () => {
    const draft = parseDraft(await write(input({ length: "medium" })));
    expect(draft.body.startsWith("Hi Priya,")).toBe(true);
    expect(draft.factIds[0]).toBe("f1");
    expect(draft.factIds).toEqual(["f1", "f3"]);
    expect(draft.body).toContain("Northwind Freight raised a $32M Series B led by Index Ventures in March 2025");
    expect(draft.body.trim().endsWith("Tom Becker")).toBe(true);
    // A first-person claim from the company's own site reads as a claim about them.
    const hiring = parseDraft(await write(input({ facts: [FACTS[1]] })));
    expect(hiring.body).toContain("I read that Northwind Freight is hiring 14 account executives across Chicago and Denver.");
    expect(hiring.factIds).toEqual(["f2"]);
  });

  it("scores its own emails as sound (80+)", async () => {
    for (const tone of EMAIL_TONES) {
      const i = input({ tone });
      const draft = parseDraft(await write(i));
      const { score, checks } = scoreEmail({ subject: draft.subject, body: draft.body, lead: i.lead, facts: i.facts });
      expect(score, JSON.stringify(checks.filter((c) => !c.passed))).toBeGreaterThanOrEqual(80);
    }
  });

  it("fills a rep's template instead of its own wording", async () => {
    const template = "Subject: Hello {{company}}\n\nHi {{firstName}},\n\nShort note from {{senderName}} about {{unknown}}.";
    const draft = parseDraft(await write(input({ context: { template } })));
    expect(draft.subject).toBe("Hello Northwind Freight");
    expect(draft.body).toBe("Hi Priya,\n\nShort note from Tom Becker about {{unknown}}.");
  });
});

describe("offline writer: the language model interface", () => {
  it("streams the email word by word through streamText, and the pieces join into the generated text", async () => {
    const prompt = buildEmailPrompt(input());
    const chunks: string[] = [];
    const result = streamText({ model: createOfflineWriter(), instructions: prompt.system, prompt: prompt.prompt });
    for await (const chunk of result.textStream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(40);
    expect(chunks.every((c) => c.trim().split(/\s+/).length === 1)).toBe(true);
    expect(chunks.join("")).toBe(await write(input()));
    expect(await result.finishReason).toBe("stop");
  });

  it("paces words when asked to, so a composer visibly streams", async () => {
    const prompt = buildEmailPrompt(input());
    const started = performance.now();
    const result = streamText({ model: createOfflineWriter({ wordDelayMs: 5 }), instructions: prompt.system, prompt: prompt.prompt });
    const first = await result.textStream[Symbol.asyncIterator]().next();
    const firstAt = performance.now() - started;
    expect(first.value).toBe("Subject: ");
    const rest = await result.text;
    expect(firstAt).toBeLessThan(100);
    expect(performance.now() - started).toBeGreaterThan(5 * 40);
    expect(rest.length).toBeGreaterThan(200);
  });

  it("declines prompts it did not build, in text and in JSON mode", async () => {
    const model = createOfflineWriter();
    const text = await generateText({ model, prompt: "Write a poem about the sea." });
    expect(text.text).toBe(OFFLINE_UNSUPPORTED_TEXT);
    const json = await model.doGenerate({ prompt: [{ role: "user", content: [{ type: "text", text: "hi" }] }], responseFormat: { type: "json" } });
    expect(json.content).toEqual([{ type: "text", text: "{}" }]);
  });
});
