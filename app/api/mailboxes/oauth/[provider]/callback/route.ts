// GET /api/mailboxes/oauth/<gmail|outlook>/callback — where Google / Microsoft send the user back after consent.
// Always ends in a redirect to the team's Mailboxes page with ?connected=<email> or ?error=<what to do>.
import { NextResponse, type NextRequest } from "next/server";
import { currentUser, resolveTeamContext } from "@/lib/auth/team-context";
import { env } from "@/lib/env";
import { AppError, toErrorPayload } from "@/lib/errors";
import { completeOAuthConnect } from "@/lib/mailboxes/oauth/complete-oauth-connect";
import { OAUTH_PROVIDER_LABEL } from "@/lib/mailboxes/oauth/oauth-providers";
import { OAUTH_COOKIE_NAME, openOAuthCookie } from "@/lib/mailboxes/oauth/oauth-state-cookie";
import { oauthCallbackQuerySchema, oauthRouteParamsSchema } from "../schema";

function redirectTo(path: string, query: Record<string, string>) {
  const url = new URL(path, env().APP_URL);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = NextResponse.redirect(url, 302);
  // One attempt per cookie: whatever happened, the next try starts fresh.
  res.cookies.set(OAUTH_COOKIE_NAME, "", { httpOnly: true, sameSite: "lax", path: "/api/mailboxes/oauth", maxAge: 0 });
  res.headers.set("Cache-Control", "no-store");
  return res;
}

export async function GET(req: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const user = await currentUser();
  if (!user) return redirectTo("/sign-in", { error: "Your session has ended. Sign in, then connect the mailbox again." });

  const cookie = req.cookies.get(OAUTH_COOKIE_NAME)?.value;
  const slug = openOAuthCookie(cookie)?.teamSlug;
  const back = slug ? `/${encodeURIComponent(slug)}/mailboxes` : "/";
  try {
    const route = oauthRouteParamsSchema.safeParse(await params);
    if (!route.success) throw new AppError("not_found", "Only Gmail and Outlook can be connected this way.");
    const provider = route.data.provider;
    const query = oauthCallbackQuerySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
    if (query.error) {
      const declined = query.error === "access_denied";
      throw new AppError(
        "invalid_input",
        declined
          ? `${OAUTH_PROVIDER_LABEL[provider]} access was declined. Click Connect again and allow the requested permissions to send from this account.`
          : `${OAUTH_PROVIDER_LABEL[provider]} reported: ${query.error_description ?? query.error}. Please try connecting again.`,
      );
    }
    if (!slug) throw new AppError("invalid_input", "This connection attempt could not be verified (its cookie is missing, altered or expired). Open your team's Mailboxes page and click Connect again.");
    const ctx = await resolveTeamContext(slug, "team:settings");
    const { mailbox } = await completeOAuthConnect({ provider, code: query.code, state: query.state, cookie, teamId: ctx.teamId, userId: ctx.user.id });
    return redirectTo(back, { connected: mailbox.email });
  } catch (error) {
    const { body } = toErrorPayload(error, { route: req.nextUrl.pathname, method: req.method });
    return redirectTo(back, { error: body.error.message });
  }
}
