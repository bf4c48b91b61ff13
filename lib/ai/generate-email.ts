// Streams an email draft: prompt built once, served from the draft cache when possible, else from the model.
import "server-only";
import { createHash } from "node:crypto";
import { streamText } from "ai";
import { buildEmailPrompt } from "@/lib/ai/build-email-prompt";
import { draftCacheKey, readCachedDraft, writeCachedDraft } from "@/lib/ai/draft-cache";
import type { GenerateEmailInput } from "@/lib/ai/generate-email.schema";
import { getLanguageModel, type ModelKind, type SelectedModel } from "@/lib/ai/models";
import { openTextStream } from "@/lib/ai/open-text-stream";
import { reportDraft } from "@/lib/ai/report-draft";
import type { KeyValueStore } from "@/lib/redis";

export type EmailDraftStream = {
  /** Text chunks as they arrive (a cache hit is one chunk holding the whole draft). */
  textStream: ReadableStream<string>;
  cache: "hit" | "miss";
  model: { label: string; kind: ModelKind; id: string };
};

export type StreamEmailDraftArgs = {
  teamId: string;
  userId: string;
  input: GenerateEmailInput;
  /** "Regenerate": skip the cached draft (the new one replaces it). */
  bypassCache?: boolean;
  /** The request's signal: a closed tab stops the model call. */
  abortSignal?: AbortSignal;
  /** Defaults to getLanguageModel(); tests and the bench pass their own. */
  model?: SelectedModel;
  store?: KeyValueStore;
  /**
   * Called once with the whole draft when it is complete (at once for a cache hit): where drafts get saved.
   * Not called for a draft that failed or was abandoned. Errors are logged, never surface in the stream.
   */
  onDraft?: (draft: { text: string; cache: "hit" | "miss"; model: EmailDraftStream["model"] }) => void | Promise<void>;
};

function report(args: StreamEmailDraftArgs, draft: Parameters<NonNullable<StreamEmailDraftArgs["onDraft"]>>[0]) {
  reportDraft(args.onDraft, draft, { teamId: args.teamId, task: "generate-email" });
}

export async function streamEmailDraft(args: StreamEmailDraftArgs): Promise<EmailDraftStream> {
  const selected = args.model ?? getLanguageModel();
  const model = { label: selected.label, kind: selected.kind, id: selected.id };
  const prompt = buildEmailPrompt(args.input);
  const key = draftCacheKey({ teamId: args.teamId, modelId: selected.id, prompt });

  if (!args.bypassCache) {
    const cached = await readCachedDraft(key, args.store);
    if (cached) {
      const textStream = new ReadableStream<string>({
        start(controller) {
          controller.enqueue(cached.text);
          controller.close();
        },
      });
      report(args, { text: cached.text, cache: "hit", model });
      return { textStream, cache: "hit", model };
    }
  }

  const abort = new AbortController();
  const onOuterAbort = () => abort.abort(args.abortSignal?.reason);
  if (args.abortSignal?.aborted) onOuterAbort();
  args.abortSignal?.addEventListener("abort", onOuterAbort, { once: true });

  const result = streamText({
    model: selected.model,
    instructions: prompt.system,
    prompt: prompt.prompt,
    temperature: 0.7,
    maxOutputTokens: 600,
    maxRetries: 1,
    abortSignal: abort.signal,
    // One line per failure; the caller answers with a clean error (the default handler dumps the whole object).
    onError: ({ error }) => console.warn(`[ai] ${selected.label}: ${error instanceof Error ? error.message : String(error)}`),
    // OpenAI's abuse monitoring gets a stable pseudonym, never the user id itself.
    providerOptions:
      selected.kind === "openai"
        ? { openai: { safetyIdentifier: createHash("sha256").update(args.userId).digest("hex").slice(0, 32) } }
        : undefined,
  });

  const textStream = await openTextStream(result, {
    label: selected.label,
    onComplete: (text) => {
      args.abortSignal?.removeEventListener("abort", onOuterAbort);
      void writeCachedDraft(key, { text, label: selected.label, createdAt: new Date().toISOString() }, args.store);
      report(args, { text, cache: "miss", model });
    },
    onCancel: (reason) => {
      args.abortSignal?.removeEventListener("abort", onOuterAbort);
      abort.abort(reason);
    },
  });
  return { textStream, cache: "miss", model };
}
