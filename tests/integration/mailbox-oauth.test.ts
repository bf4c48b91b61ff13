import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";
import { decryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { AppError } from "@/lib/errors";
import { buildAuthorizationUrl } from "@/lib/mailboxes/oauth/build-authorization-url";
import { completeOAuthConnect } from "@/lib/mailboxes/oauth/complete-oauth-connect";
import { pkceChallenge } from "@/lib/mailboxes/oauth/oauth-state-cookie";
import { createUserWithTeam } from "../support/factories";
import { startGoogleApiServer } from "../support/google-api-server";
import { startMicrosoftApiServer } from "../support/microsoft-api-server";

// env() is parsed once, on first use: the OAuth clients must be in place before any test runs.
const CLIENTS = vi.hoisted(() => {
  const c = {
    google: { clientId: "123-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-test" },
    microsoft: { clientId: "0f0e0d0c-aaaa-bbbb-cccc-111122223333", clientSecret: "ms~secret", tenant: "test-tenant" },
  };
  Object.assign(process.env, {
    AUTH_SECRET: "test-auth-secret-for-mailbox-oauth-0123456789",
    AUTH_GOOGLE_ID: c.google.clientId,
    AUTH_GOOGLE_SECRET: c.google.clientSecret,
    AUTH_MICROSOFT_ENTRA_ID_ID: c.microsoft.clientId,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: c.microsoft.clientSecret,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: `https://login.microsoftonline.com/${c.microsoft.tenant}/v2.0`,
  });
  return c;
});


let google: Awaited<ReturnType<typeof startGoogleApiServer>>;
let microsoft: Awaited<ReturnType<typeof startMicrosoftApiServer>>;
beforeAll(async () => {
  google = await startGoogleApiServer({ ...CLIENTS.google, refreshToken: "1//0g-unused" });
  microsoft = await startMicrosoftApiServer({ ...CLIENTS.microsoft, refreshToken: "M.R3_unused" });
  Object.assign(process.env, {
    GOOGLE_OAUTH_AUTHORIZE_URL: google.authorizeUrl,
    GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl,
    GOOGLE_USERINFO_URL: google.userinfoUrl,
    MICROSOFT_LOGIN_BASE_URL: microsoft.loginBaseUrl,
    MICROSOFT_GRAPH_BASE_URL: microsoft.graphBaseUrl,
  });
});
afterAll(async () => {
  await google?.close();
  await microsoft?.close();
});

/** What the browser does at the provider: follow the consent URL, come back with ?code&state. */
async function consent(url: string) {
  const res = await fetch(url, { redirect: "manual" });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get("location")!);
  return { code: back.searchParams.get("code")!, state: back.searchParams.get("state")!, redirectUri: `${back.origin}${back.pathname}` };
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

async function teamMailboxes(teamId: string) {
  const db = await getDb();
  return db.select().from(mailboxes).where(eq(mailboxes.teamId, teamId));
}

describe("connecting Gmail and Outlook by OAuth", () => {
  it("asks Google for offline send/read access with state and a PKCE S256 challenge, in a signed short-lived cookie", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const { url, cookie } = buildAuthorizationUrl({ provider: "gmail", teamSlug: team.slug, userId: user.id });
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(google.authorizeUrl);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      client_id: CLIENTS.google.clientId,
      response_type: "code",
      scope: "https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.readonly openid email",
      access_type: "offline",
      prompt: "consent",
      code_challenge_method: "S256",
      redirect_uri: "http://localhost:3000/api/mailboxes/oauth/gmail/callback",
    });
    expect(u.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
    expect(u.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", maxAge: 600 });
    // Neither the state nor anything else readable gives the verifier away in the URL.
    expect(url).not.toContain(JSON.parse(Buffer.from(cookie.value.split(".")[0], "base64url").toString()).codeVerifier);
  });

  it("stores a Gmail mailbox with its tokens encrypted, after exchanging the code with the PKCE verifier", async () => {
    const { user, team } = await createUserWithTeam("rep");
    google.consentAs("Rep.One@Gmail.test");
    const { url, cookie } = buildAuthorizationUrl({ provider: "gmail", teamSlug: team.slug, userId: user.id });
    const { code, state } = await consent(url);
    const { mailbox, reconnected } = await completeOAuthConnect({ provider: "gmail", code, state, cookie: cookie.value, teamId: team.id, userId: user.id });
    expect(reconnected).toBe(false);

    const form = google.codeForms.at(-1)!;
    expect(pkceChallenge(form.get("code_verifier")!)).toBe(new URL(url).searchParams.get("code_challenge"));
    const [row] = await teamMailboxes(team.id);
    expect(row).toMatchObject({ id: mailbox.id, provider: "gmail", email: "rep.one@gmail.test", status: "active", statusReason: null, ownerUserId: user.id });
    expect(row.oauthScopes).toContain("https://www.googleapis.com/auth/gmail.send");
    expect(row.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    const credentials = decryptMailboxCredentials({ mailboxId: row.id, ciphertext: row.credentialsCiphertext! });
    expect(credentials).toMatchObject({ provider: "gmail", refreshToken: expect.stringMatching(/^1\/\/0g/), accessToken: expect.stringMatching(/^ya29\./) });
    if (credentials.provider !== "gmail") throw new Error("unreachable");
    const dump = JSON.stringify(row);
    expect(dump).not.toContain(credentials.refreshToken);
    expect(dump).not.toContain(credentials.accessToken!);
  });

  it("refuses a callback whose state does not match, before talking to Google", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const { url, cookie } = buildAuthorizationUrl({ provider: "gmail", teamSlug: team.slug, userId: user.id });
    const { code } = await consent(url);
    const before = google.tokenRequests;
    const error = await refusal(completeOAuthConnect({ provider: "gmail", code, state: "attacker-chosen-state-value-000000", cookie: cookie.value, teamId: team.id, userId: user.id }));
    expect(error).toBeInstanceOf(AppError);
    expect(error!.message).toMatch(/did not match this connection attempt/);
    expect(google.tokenRequests).toBe(before);
    expect(await teamMailboxes(team.id)).toHaveLength(0);
  });

  it("refuses a tampered cookie, even one rewritten to name the caller", async () => {
    const victim = await createUserWithTeam("victim");
    const { url, cookie } = buildAuthorizationUrl({ provider: "gmail", teamSlug: victim.team.slug, userId: victim.user.id });
    const { code, state } = await consent(url);
    const [data, mac] = cookie.value.split(".");
    const payload = JSON.parse(Buffer.from(data, "base64url").toString());
    const attacker = await createUserWithTeam("attacker");
    const forged = `${Buffer.from(JSON.stringify({ ...payload, userId: attacker.user.id, teamSlug: attacker.team.slug })).toString("base64url")}.${mac}`;
    const error = await refusal(completeOAuthConnect({ provider: "gmail", code, state, cookie: forged, teamId: attacker.team.id, userId: attacker.user.id }));
    expect(error?.message).toMatch(/could not be verified/);
    const flipped = `${data}.${mac.slice(0, -2)}${mac.endsWith("AA") ? "BB" : "AA"}`;
    expect((await refusal(completeOAuthConnect({ provider: "gmail", code, state, cookie: flipped, teamId: victim.team.id, userId: victim.user.id })))?.message).toMatch(/could not be verified/);
    expect((await refusal(completeOAuthConnect({ provider: "gmail", code, state, cookie: undefined, teamId: victim.team.id, userId: victim.user.id })))?.message).toMatch(/could not be verified/);
    expect(await teamMailboxes(attacker.team.id)).toHaveLength(0);
  });

  it("refuses a cookie older than 10 minutes", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const start = Date.now();
    const { url, cookie } = buildAuthorizationUrl({ provider: "gmail", teamSlug: team.slug, userId: user.id, now: () => start });
    const { code, state } = await consent(url);
    const error = await refusal(completeOAuthConnect({ provider: "gmail", code, state, cookie: cookie.value, teamId: team.id, userId: user.id, now: () => start + 10 * 60_000 + 1 }));
    expect(error?.message).toMatch(/expired/);
    expect(await teamMailboxes(team.id)).toHaveLength(0);
  });

  it("refuses another user's cookie", async () => {
    const owner = await createUserWithTeam("owner");
    const other = await createUserWithTeam("other");
    const { url, cookie } = buildAuthorizationUrl({ provider: "gmail", teamSlug: owner.team.slug, userId: owner.user.id });
    const { code, state } = await consent(url);
    const error = await refusal(completeOAuthConnect({ provider: "gmail", code, state, cookie: cookie.value, teamId: other.team.id, userId: other.user.id }));
    expect(error).toMatchObject({ code: "forbidden" });
    expect(await teamMailboxes(other.team.id)).toHaveLength(0);
  });

  it("fails when a code from another attempt is injected: the token server checks the PKCE verifier", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const mine = buildAuthorizationUrl({ provider: "gmail", teamSlug: team.slug, userId: user.id });
    const theirs = buildAuthorizationUrl({ provider: "gmail", teamSlug: team.slug, userId: user.id });
    const { state } = await consent(mine.url);
    const { code: injected } = await consent(theirs.url);
    const error = await refusal(completeOAuthConnect({ provider: "gmail", code: injected, state, cookie: mine.cookie.value, teamId: team.id, userId: user.id }));
    expect(error).toMatchObject({ code: "invalid_input" });
    expect(error!.message).toMatch(/Google did not accept the sign-in \(invalid_grant: Missing code verifier\.\)/);
    expect(await teamMailboxes(team.id)).toHaveLength(0);
  });

  it("refuses a Google grant without permission to send", async () => {
    const { user, team } = await createUserWithTeam("rep");
    google.consentAs("narrow@gmail.test", { scope: "openid email https://www.googleapis.com/auth/gmail.readonly" });
    const { url, cookie } = buildAuthorizationUrl({ provider: "gmail", teamSlug: team.slug, userId: user.id });
    const { code, state } = await consent(url);
    const error = await refusal(completeOAuthConnect({ provider: "gmail", code, state, cookie: cookie.value, teamId: team.id, userId: user.id }));
    expect(error?.message).toMatch(/did not grant permission to send email/);
    expect(await teamMailboxes(team.id)).toHaveLength(0);
  });

  it("connects Outlook from Graph /me, and a reconnect replaces the tokens and re-activates the same mailbox", async () => {
    const { user, team } = await createUserWithTeam("rep");
    microsoft.consentAs("Sales@Contoso.test");
    const first = buildAuthorizationUrl({ provider: "outlook", teamSlug: team.slug, userId: user.id });
    const u = new URL(first.url);
    expect(`${u.origin}${u.pathname}`).toBe(microsoft.authorizeUrl);
    expect(u.searchParams.get("scope")).toBe("offline_access Mail.Send Mail.Read openid email User.Read");
    const a = await consent(first.url);
    const { mailbox } = await completeOAuthConnect({ provider: "outlook", code: a.code, state: a.state, cookie: first.cookie.value, teamId: team.id, userId: user.id });
    const sentForm = microsoft.tokenForms.at(-1)!;
    expect(sentForm.get("grant_type")).toBe("authorization_code");
    expect(pkceChallenge(sentForm.get("code_verifier")!)).toBe(u.searchParams.get("code_challenge"));
    expect(mailbox).toMatchObject({ provider: "outlook", email: "sales@contoso.test", status: "active" });
    expect(mailbox.oauthScopes).toContain("https://graph.microsoft.com/Mail.Send");
    const firstCredentials = decryptMailboxCredentials({ mailboxId: mailbox.id, ciphertext: mailbox.credentialsCiphertext! });

    // The refresh token was revoked: the mailbox was marked disconnected with a reason.
    const db = await getDb();
    await db.update(mailboxes).set({ status: "disconnected", statusReason: "Microsoft revoked access. Reconnect the mailbox." }).where(and(eq(mailboxes.teamId, team.id), eq(mailboxes.id, mailbox.id)));

    const second = buildAuthorizationUrl({ provider: "outlook", teamSlug: team.slug, userId: user.id });
    const b = await consent(second.url);
    const result = await completeOAuthConnect({ provider: "outlook", code: b.code, state: b.state, cookie: second.cookie.value, teamId: team.id, userId: user.id });
    expect(result.reconnected).toBe(true);
    const rows = await teamMailboxes(team.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: mailbox.id, status: "active", statusReason: null });
    const secondCredentials = decryptMailboxCredentials({ mailboxId: mailbox.id, ciphertext: rows[0].credentialsCiphertext! });
    expect(secondCredentials).toMatchObject({ provider: "outlook", refreshToken: expect.stringMatching(/^M\.R3_/) });
    if (secondCredentials.provider !== "outlook" || firstCredentials.provider !== "outlook") throw new Error("unreachable");
    expect(secondCredentials.refreshToken).not.toBe(firstCredentials.refreshToken);
    expect(JSON.stringify(rows[0])).not.toContain(secondCredentials.refreshToken);
  });
});
