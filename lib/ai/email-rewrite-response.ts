// The HTTP answer for a rewrite once the caller is known: the same AI budget as drafting, then a text stream.
import "server-only";
import { createTextStreamResponse } from "ai";
import { enforceAiGenerationLimits } from "@/lib/ai/enforce-ai-limits";
import type { SelectedModel } from "@/lib/ai/models";
import { streamEmailRewrite } from "@/lib/ai/rewrite-email";
import type { RewriteEmailInput } from "@/lib/ai/rewrite-email.schema";
import { errorResponse } from "@/lib/errors";

export async function emailRewriteResponse(args: {
  teamId: string;
  userId: string;
  input: RewriteEmailInput;
  abortSignal?: AbortSignal;
  model?: SelectedModel;
}): Promise<Response> {
  try {
    await enforceAiGenerationLimits({ userId: args.userId, teamId: args.teamId });
    const rewrite = await streamEmailRewrite({ input: args.input, abortSignal: args.abortSignal, model: args.model });
    return createTextStreamResponse({
      stream: rewrite.textStream,
      headers: { "x-model-label": rewrite.model.label, "x-model-kind": rewrite.model.kind, "cache-control": "no-store", "x-accel-buffering": "no" },
    });
  } catch (error) {
    return errorResponse(error, { route: "ai/rewrite-email", teamId: args.teamId });
  }
}
