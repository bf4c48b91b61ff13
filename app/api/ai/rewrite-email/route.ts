import { resolveTeamContext } from "@/lib/auth/team-context";
import { emailRewriteResponse } from "@/lib/ai/email-rewrite-response";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { rewriteEmailBodySchema } from "./schema";

// POST /api/ai/rewrite-email — streams a rewrite (shorter | warmer | more_direct | fix_grammar) as plain text.
export async function POST(req: Request): Promise<Response> {
  try {
    const { team, prompt: _ignored, leadEmail, ...input } = await parseJsonBody(req, rewriteEmailBodySchema);
    const ctx = await resolveTeamContext(team, "data:write");
    return await emailRewriteResponse({ teamId: ctx.teamId, userId: ctx.user.id, input, abortSignal: req.signal, saveDraft: true, leadEmail });
  } catch (error) {
    return errorResponse(error, { route: "/api/ai/rewrite-email", method: "POST" });
  }
}
