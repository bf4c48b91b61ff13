// Step 2 of connecting Gmail or Outlook: check the callback belongs to the attempt this user started, exchange the
// code, and store the mailbox (or refresh the credentials of the one already connected with that address).
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { encryptMailboxCredentials, type OAuthCredentials } from "@/lib/email/providers/mailbox-credentials";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { exchangeAuthorizationCode } from "./exchange-authorization-code";
import { oauthProviderConfig, type OAuthProvider } from "./oauth-providers";
import { openOAuthCookie, safeEqual } from "./oauth-state-cookie";

const START_AGAIN = "Please click Connect again.";

export async function completeOAuthConnect({
  provider,
  code,
  state,
  cookie,
  teamId,
  userId,
  now = Date.now,
}: {
  provider: OAuthProvider;
  code: string;
  state: string;
  cookie: string | undefined | null;
  teamId: string;
  userId: string;
  now?: () => number;
}) {
  const attempt = openOAuthCookie(cookie);
  if (!attempt) throw new AppError("invalid_input", `This connection attempt could not be verified (its cookie is missing or was altered). ${START_AGAIN}`);
  if (attempt.expiresAt <= now()) throw new AppError("invalid_input", `This connection attempt took longer than 10 minutes and expired. ${START_AGAIN}`);
  if (attempt.userId !== userId) throw new AppError("forbidden", `This connection was started by a different user. Sign in as yourself and ${START_AGAIN.toLowerCase()}`);
  if (attempt.provider !== provider) throw new AppError("invalid_input", `This callback does not match the provider you started with. ${START_AGAIN}`);
  if (!state || !safeEqual(state, attempt.state)) throw new AppError("invalid_input", `The sign-in response did not match this connection attempt. ${START_AGAIN}`);
  if (!code) throw new AppError("invalid_input", `The provider did not return an authorization code. ${START_AGAIN}`);

  const config = oauthProviderConfig(provider);
  const tokens = await exchangeAuthorizationCode({ config, code, codeVerifier: attempt.codeVerifier, now });
  const credentials: OAuthCredentials = {
    provider,
    refreshToken: tokens.refreshToken,
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    scope: tokens.scopes.join(" "),
  };
  const tokenExpiresAt = new Date(tokens.accessTokenExpiresAt);

  return teamScope(teamId, async (tx) => {
    const [existing] = await tx
      .select({ id: mailboxes.id, provider: mailboxes.provider })
      .from(mailboxes)
      .where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.email, tokens.email)))
      .for("update");
    if (existing) {
      if (existing.provider !== provider) {
        throw new AppError("conflict", `${tokens.email} is already connected to this team as a ${existing.provider} mailbox. Remove that mailbox first to connect it through ${provider === "gmail" ? "Gmail" : "Outlook"}.`);
      }
      // Reconnect: new tokens under the same row id (the associated data), and sending may resume.
      const [row] = await tx
        .update(mailboxes)
        .set({ ...encryptMailboxCredentials({ mailboxId: existing.id, credentials }), tokenExpiresAt, oauthScopes: tokens.scopes, status: "active", statusReason: null })
        .where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, existing.id)))
        .returning();
      await recordAudit(tx, { teamId, actorUserId: userId, action: "mailbox.reconnected", targetType: "mailbox", targetId: row.id, metadata: { provider } });
      return { mailbox: row, reconnected: true };
    }
    const id = randomUUID(); // chosen first: it is the encryption's associated data
    const [row] = await tx
      .insert(mailboxes)
      .values({ id, teamId, provider, email: tokens.email, ownerUserId: userId, status: "active", tokenExpiresAt, oauthScopes: tokens.scopes, ...encryptMailboxCredentials({ mailboxId: id, credentials }) })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", `${tokens.email} was connected by someone else a moment ago. Reload the page to see it.`);
    await recordAudit(tx, { teamId, actorUserId: userId, action: "mailbox.connected", targetType: "mailbox", targetId: row.id, metadata: { provider } });
    return { mailbox: row, reconnected: false };
  });
}
