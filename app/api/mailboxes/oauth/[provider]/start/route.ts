// GET /api/mailboxes/oauth/<gmail|outlook>/start?team=<slug> → 302 to the provider's consent screen.
import { NextResponse, type NextRequest } from "next/server";
import { resolveTeamContext } from "@/lib/auth/team-context";
import { AppError, errorResponse } from "@/lib/errors";
import { buildAuthorizationUrl } from "@/lib/mailboxes/oauth/build-authorization-url";
import { oauthRouteParamsSchema, oauthStartQuerySchema } from "../schema";

export async function GET(req: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  try {
    const route = oauthRouteParamsSchema.safeParse(await params);
    if (!route.success) throw new AppError("not_found", "Only Gmail and Outlook can be connected this way.");
    const query = oauthStartQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
    if (!query.success) throw new AppError("invalid_input", "Say which team the mailbox is for (?team=<slug>).");
    const ctx = await resolveTeamContext(query.data.team, "team:settings");
    const { url, cookie } = buildAuthorizationUrl({ provider: route.data.provider, teamSlug: ctx.team.slug, userId: ctx.user.id });
    const res = NextResponse.redirect(url, 302);
    res.cookies.set(cookie.name, cookie.value, cookie.options);
    res.headers.set("Cache-Control", "no-store");
    return res;
  } catch (error) {
    return errorResponse(error, { route: req.nextUrl.pathname, method: req.method });
  }
}
