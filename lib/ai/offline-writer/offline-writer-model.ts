// The offline writer as a real AI SDK language model (spec v4), so every caller uses one code path
// (streamText / generateText) whether the model is OpenAI, a compatible server, or this.
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import { countWords } from "@/lib/ai/email-text";
import { answerTask } from "./answer-task";

export const OFFLINE_PROVIDER = "offline";
export const OFFLINE_MODEL_ID = "offline-writer-v1";

export type OfflineWriterOptions = {
  /** Pause between streamed words; 0 streams as fast as the reader pulls. */
  wordDelayMs?: number;
};

/** The text of the last user message: where our prompt builders put the task block. */
function promptText(options: LanguageModelV4CallOptions): string {
  const users = options.prompt.filter((m) => m.role === "user");
  const last = users[users.length - 1];
  if (!last || last.role !== "user") return "";
  return last.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

// Rough token counts (about 0.75 words per token) so usage reporting is not empty.
function usage(prompt: string, output: string): LanguageModelV4Usage {
  const input = Math.ceil(countWords(prompt) / 0.75);
  const out = Math.ceil(countWords(output) / 0.75);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: out, text: out, reasoning: 0 },
  };
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

class OfflineWriterModel implements LanguageModelV4 {
  readonly specificationVersion = "v4" as const;
  readonly provider = OFFLINE_PROVIDER;
  readonly modelId = OFFLINE_MODEL_ID;
  readonly supportedUrls: Record<string, RegExp[]> = {};

  constructor(private readonly options: OfflineWriterOptions) {}

  private answer(options: LanguageModelV4CallOptions) {
    const prompt = promptText(options);
    return { prompt, text: answerTask(prompt, options.responseFormat?.type === "json") };
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { prompt, text } = this.answer(options);
    return {
      content: [{ type: "text", text }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: usage(prompt, text),
      response: { modelId: this.modelId, timestamp: new Date() },
      warnings: [],
    };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { prompt, text } = this.answer(options);
    // Word by word with the whitespace that follows it, so the pieces join back into the exact text.
    const pieces = text.match(/\S+\s*|\s+/g) ?? [];
    const wordDelayMs = this.options.wordDelayMs ?? 0;
    const signal = options.abortSignal;
    let index = 0;
    const stream = new ReadableStream<LanguageModelV4StreamPart>({
      start(controller) {
        controller.enqueue({ type: "stream-start", warnings: [] });
        controller.enqueue({ type: "response-metadata", modelId: OFFLINE_MODEL_ID, timestamp: new Date() });
        controller.enqueue({ type: "text-start", id: "0" });
      },
      async pull(controller) {
        if (index > 0) await delay(wordDelayMs, signal);
        if (signal?.aborted) {
          controller.close();
          return;
        }
        if (index < pieces.length) {
          controller.enqueue({ type: "text-delta", id: "0", delta: pieces[index++] });
          return;
        }
        controller.enqueue({ type: "text-end", id: "0" });
        controller.enqueue({ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: usage(prompt, text) });
        controller.close();
      },
    });
    return { stream };
  }
}

export function createOfflineWriter(options: OfflineWriterOptions = {}): LanguageModelV4 {
  return new OfflineWriterModel(options);
}
