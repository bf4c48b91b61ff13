// The HTTP answer for a rewrite once the caller is known: the same AI budget as drafting, then a text stream.
import "server-only";
import { createTextStreamResponse } from "ai";
import { enforceAiGenerationLimits } from "@/lib/ai/enforce-ai-limits";
import type { SelectedModel } from "@/lib/ai/models";
import { streamEmailRewrite } from "@/lib/ai/rewrite-email";
import type { RewriteEmailInput } from "@/lib/ai/rewrite-email.schema";
import { saveEmailDraft } from "@/lib/ai/save-email-draft";
import { errorResponse } from "@/lib/errors";

export async function emailRewriteResponse(args: {
  teamId: string;
  userId: string;
  input: RewriteEmailInput;
  abortSignal?: AbortSignal;
  model?: SelectedModel;
  /** Keep the finished rewrite among the rep's drafts (source "rewrite:<mode>"). */
  saveDraft?: boolean;
  /** Who the draft is for, when the composer knows. */
  leadEmail?: string;
}): Promise<Response> {
  try {
    await enforceAiGenerationLimits({ userId: args.userId, teamId: args.teamId });
    const { input } = args;
    const rewrite = await streamEmailRewrite({
      input,
      abortSignal: args.abortSignal,
      model: args.model,
      teamId: args.teamId,
      onDraft: args.saveDraft
        ? (draft) =>
            saveEmailDraft({
              teamId: args.teamId,
              userId: args.userId,
              draft: { ...draft, source: `rewrite:${input.mode}`, knownFactIds: input.facts.map((f) => f.id), leadEmail: args.leadEmail },
            }).then(() => undefined)
        : undefined,
    });
    return createTextStreamResponse({
      stream: rewrite.textStream,
      headers: { "x-model-label": rewrite.model.label, "x-model-kind": rewrite.model.kind, "cache-control": "no-store", "x-accel-buffering": "no" },
    });
  } catch (error) {
    return errorResponse(error, { route: "ai/rewrite-email", teamId: args.teamId });
  }
}
