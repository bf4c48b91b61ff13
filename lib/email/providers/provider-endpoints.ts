// Where the Google and Microsoft clients connect. Overridable (env or constructor option) so tests point the
// real client code at local servers speaking the same wire format.
import { z } from "zod";

// Not in lib/env.ts yet (owned elsewhere): parsed here.
const endpointsSchema = z.object({
  GOOGLE_OAUTH_TOKEN_URL: z.url().default("https://oauth2.googleapis.com/token"),
  GMAIL_API_BASE_URL: z.url().default("https://gmail.googleapis.com"),
  MICROSOFT_LOGIN_BASE_URL: z.url().default("https://login.microsoftonline.com"),
  MICROSOFT_GRAPH_BASE_URL: z.url().default("https://graph.microsoft.com"),
});

export type ProviderEndpoints = {
  googleTokenUrl: string;
  gmailApiBaseUrl: string;
  microsoftTokenUrl: string;
  graphBaseUrl: string;
};

/** "https://login.microsoftonline.com/<tenant>/v2.0" → "<tenant>"; "common" (any work or personal account) otherwise. */
export function microsoftTenant(issuer: string | undefined): string {
  if (!issuer) return "common";
  const segment = new URL(issuer).pathname.split("/").filter(Boolean)[0];
  return segment && segment !== "v2.0" ? segment : "common";
}

export function providerEndpoints(source: Record<string, string | undefined> = process.env): ProviderEndpoints {
  const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const parsed = endpointsSchema.parse({
    GOOGLE_OAUTH_TOKEN_URL: blank(source.GOOGLE_OAUTH_TOKEN_URL),
    GMAIL_API_BASE_URL: blank(source.GMAIL_API_BASE_URL),
    MICROSOFT_LOGIN_BASE_URL: blank(source.MICROSOFT_LOGIN_BASE_URL),
    MICROSOFT_GRAPH_BASE_URL: blank(source.MICROSOFT_GRAPH_BASE_URL),
  });
  const trim = (u: string) => u.replace(/\/+$/, "");
  // The same issuer Auth.js uses for Microsoft sign-in names the tenant whose token endpoint we refresh at.
  const tenant = microsoftTenant(blank(source.AUTH_MICROSOFT_ENTRA_ID_ISSUER));
  return {
    googleTokenUrl: parsed.GOOGLE_OAUTH_TOKEN_URL,
    gmailApiBaseUrl: trim(parsed.GMAIL_API_BASE_URL),
    microsoftTokenUrl: `${trim(parsed.MICROSOFT_LOGIN_BASE_URL)}/${tenant}/oauth2/v2.0/token`,
    graphBaseUrl: trim(parsed.MICROSOFT_GRAPH_BASE_URL),
  };
}
