// Auth.js (next-auth v5): magic links always; Google and Microsoft Entra ID when their env is set.
import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema/auth";
import { env } from "@/lib/env";
import { createPersonalTeam } from "@/lib/teams/create-personal-team";
import { magicLinkProvider } from "./magic-link-provider";

async function authConfig(): Promise<NextAuthConfig> {
  const e = env();
  const db = await getDb();
  const providers: NextAuthConfig["providers"] = [magicLinkProvider()];
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  }
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
    providers.push(
      MicrosoftEntraID({
        clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: e.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
      }),
    );
  }
  return {
    secret: e.AUTH_SECRET,
    // Self-hosted behind a proxy that sets Host; APP_URL/AUTH_URL pin it when needed.
    trustHost: true,
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    providers,
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      async createUser({ user }) {
        if (user.id && user.email) await createPersonalTeam(db, { id: user.id, email: user.email, name: user.name });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
