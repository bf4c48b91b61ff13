import { zodFieldErrors } from "@/lib/auth/team-action";
import { resolveTeamContext } from "@/lib/auth/team-context";
import { emailRewriteResponse } from "@/lib/ai/email-rewrite-response";
import { AppError, errorResponse } from "@/lib/errors";
import { rewriteEmailBodySchema } from "./schema";

// POST /api/ai/rewrite-email — streams a rewrite (shorter | warmer | more_direct | fix_grammar) as plain text.
export async function POST(req: Request): Promise<Response> {
  try {
    const raw: unknown = await req.json().catch(() => {
      throw new AppError("invalid_input", "The request body must be JSON.");
    });
    const parsed = rewriteEmailBodySchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError("invalid_input", "Please fix the highlighted fields.", { fields: zodFieldErrors(parsed.error) });
    }
    const { team, prompt: _ignored, ...input } = parsed.data;
    const ctx = await resolveTeamContext(team, "data:write");
    return await emailRewriteResponse({ teamId: ctx.teamId, userId: ctx.user.id, input, abortSignal: req.signal });
  } catch (error) {
    return errorResponse(error, { route: "/api/ai/rewrite-email", method: "POST" });
  }
}
