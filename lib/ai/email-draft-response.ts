// The HTTP answer for a draft request once the caller is known: limits, then the draft as a plain text stream
// (what @ai-sdk/react's useCompletion reads with streamProtocol "text"), or a JSON error.
import "server-only";
import { createTextStreamResponse } from "ai";
import { enforceAiGenerationLimits } from "@/lib/ai/enforce-ai-limits";
import { streamEmailDraft, type StreamEmailDraftArgs } from "@/lib/ai/generate-email";
import { saveEmailDraft } from "@/lib/ai/save-email-draft";
import { errorResponse } from "@/lib/errors";

export async function emailDraftResponse(args: StreamEmailDraftArgs & { saveDraft?: boolean }): Promise<Response> {
  try {
    await enforceAiGenerationLimits({ userId: args.userId, teamId: args.teamId });
    const { input } = args;
    // Every finished draft (a cache hit too) is kept for the rep; a failed save never touches the stream.
    const onDraft: StreamEmailDraftArgs["onDraft"] = args.saveDraft
      ? (draft) =>
          saveEmailDraft({
            teamId: args.teamId,
            userId: args.userId,
            draft: { ...draft, source: "generate", knownFactIds: input.facts.map((f) => f.id), leadEmail: input.lead.email, goal: input.goal, tone: input.tone, length: input.length },
          }).then(() => undefined)
      : args.onDraft;
    const draft = await streamEmailDraft({ ...args, onDraft });
    return createTextStreamResponse({
      stream: draft.textStream,
      headers: {
        "x-model-label": draft.model.label,
        "x-model-kind": draft.model.kind,
        "x-cache": draft.cache,
        // Drafts are personal: no shared cache may keep them, and proxies must not buffer the stream.
        "cache-control": "no-store",
        "x-accel-buffering": "no",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "ai/generate-email", teamId: args.teamId });
  }
}
