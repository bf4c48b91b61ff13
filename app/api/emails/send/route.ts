import { NextRequest } from "next/server";
import { resolveTeamContext } from "@/lib/auth/team-context";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { sendEmailNow } from "@/lib/sending/send-email-now";
import { sendEmailSchema } from "@/lib/sending/send-email.schema";
import { z } from "zod";

const bodySchema = sendEmailSchema.extend({ team: z.string().trim().min(1).max(100) });

// POST /api/emails/send — queue one email on a team mailbox; 202 with its id, then the send function delivers it
// inside the mailbox's window and caps. An `idempotencyKey` makes a repeated request return the same email.
export async function POST(req: NextRequest): Promise<Response> {
  try {
    const { team, ...input } = await parseJsonBody(req, bodySchema);
    const ctx = await resolveTeamContext(team, "data:write");
    const result = await sendEmailNow({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    return Response.json({ email: { id: result.emailId, status: result.status } }, { status: result.created ? 202 : 200 });
  } catch (error) {
    return errorResponse(error, { route: "/api/emails/send", method: "POST" });
  }
}
