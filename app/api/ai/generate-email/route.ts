import { resolveTeamContext } from "@/lib/auth/team-context";
import { emailDraftResponse } from "@/lib/ai/email-draft-response";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { generateEmailBodySchema } from "./schema";

// POST /api/ai/generate-email — streams a draft as plain text (useCompletion, streamProtocol "text").
// Headers: x-model-label (which model wrote it), x-cache: hit | miss.
export async function POST(req: Request): Promise<Response> {
  try {
    const { team, regenerate, prompt: _ignored, ...input } = await parseJsonBody(req, generateEmailBodySchema);
    const ctx = await resolveTeamContext(team, "data:write");
    // The sender signs with their own name unless the composer gave one.
    if (!input.sender.name && ctx.user.name) input.sender = { ...input.sender, name: ctx.user.name };
    return await emailDraftResponse({
      teamId: ctx.teamId,
      userId: ctx.user.id,
      input,
      bypassCache: regenerate,
      abortSignal: req.signal,
      saveDraft: true,
    });
  } catch (error) {
    return errorResponse(error, { route: "/api/ai/generate-email", method: "POST" });
  }
}


