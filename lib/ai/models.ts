// Which model writes: OpenAI with a key, any OpenAI-compatible server with a base URL, else the offline writer.
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { aiEnv } from "@/lib/ai/ai-env";
import { createOfflineWriter, OFFLINE_MODEL_ID } from "@/lib/ai/offline-writer/offline-writer-model";

export type ModelKind = "openai" | "openai-compatible" | "offline";

export type SelectedModel = {
  model: LanguageModelV4;
  /** Shown in the UI next to a draft ("which model wrote this"); ASCII so it fits an HTTP header. */
  label: string;
  kind: ModelKind;
  /** Stable identity for caches: a different server or model never shares cached drafts. */
  id: string;
};

const OPENAI_URL = "https://api.openai.com/v1";

// Providers are cheap, but keeping one per configuration keeps their keep-alive connections reused.
const providers = new Map<string, ReturnType<typeof createOpenAI>>();

function provider(baseURL: string, apiKey: string, name: string) {
  const key = `${name}\n${baseURL}\n${apiKey}`;
  let p = providers.get(key);
  if (!p) {
    p = createOpenAI({ baseURL, apiKey, name });
    providers.set(key, p);
  }
  return p;
}

function ascii(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?");
}

/**
 * The configured model. Both OpenAI and compatible servers go through the Chat Completions API
 * (`.chat()`), the one dialect Ollama, vLLM and LM Studio share — and the one our tests exercise.
 */
export function getLanguageModel(source: Record<string, string | undefined> = process.env): SelectedModel {
  const e = aiEnv(source);
  if (e.OPENAI_BASE_URL) {
    const baseURL = e.OPENAI_BASE_URL.replace(/\/+$/, "");
    // Local servers ignore the key but the client insists on sending one.
    const model = provider(baseURL, e.OPENAI_API_KEY ?? "not-needed", "openai-compatible").chat(e.OPENAI_MODEL);
    const host = new URL(baseURL).host;
    return { model, kind: "openai-compatible", label: ascii(`${e.OPENAI_MODEL} (OpenAI-compatible, ${host})`), id: `openai-compatible:${baseURL}:${e.OPENAI_MODEL}` };
  }
  if (e.OPENAI_API_KEY) {
    const model = provider(OPENAI_URL, e.OPENAI_API_KEY, "openai").chat(e.OPENAI_MODEL);
    return { model, kind: "openai", label: ascii(`OpenAI ${e.OPENAI_MODEL}`), id: `openai:${e.OPENAI_MODEL}` };
  }
  return {
    model: createOfflineWriter({ wordDelayMs: e.AI_OFFLINE_WORD_DELAY_MS }),
    kind: "offline",
    label: "Offline writer (no AI model configured)",
    id: `offline:${OFFLINE_MODEL_ID}`,
  };
}
