// The AI settings, parsed apart from lib/env.ts so model selection can be read (and tested) on its own.
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const schema = z.object({
  OPENAI_API_KEY: z.preprocess(blankToUndefined, z.string().optional()),
  OPENAI_BASE_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OPENAI_MODEL: z.preprocess(blankToUndefined, z.string().default("gpt-4o-mini")),
  // The offline writer paces its words so the composer visibly streams; tests and benches set 0.
  AI_OFFLINE_WORD_DELAY_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(1000).default(15)),
});

export type AiEnv = z.infer<typeof schema>;

/**
 * Parsed on every call (three fields, microseconds) rather than memoised, so a test or a
 * long-running worker sees a changed environment without a restart hook.
 */
export function aiEnv(source: Record<string, string | undefined> = process.env): AiEnv {
  const result = schema.safeParse({
    OPENAI_API_KEY: source.OPENAI_API_KEY,
    OPENAI_BASE_URL: source.OPENAI_BASE_URL,
    OPENAI_MODEL: source.OPENAI_MODEL,
    AI_OFFLINE_WORD_DELAY_MS: source.AI_OFFLINE_WORD_DELAY_MS,
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid AI environment:\n${problems}\nSee .env.example for what each variable means.`);
  }
  return result.data;
}
