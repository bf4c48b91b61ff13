// Picks the MailProvider for a mailbox. Credentials arrive decrypted (decryptMailboxCredentials); refreshed
// OAuth tokens go back through onCredentialsRefreshed for the caller to encrypt and store.
import "server-only";
import type { MailboxProvider } from "@/db/schema/mailboxes";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createGmailProvider } from "./gmail-provider";
import { createGraphProvider } from "./graph-provider";
import { createLocalOutboxProvider } from "./local-outbox-provider";
import type { MailProvider } from "./mail-provider";
import type { MailboxCredentials, OAuthCredentials } from "./mailbox-credentials";
import { providerEndpoints, type ProviderEndpoints } from "./provider-endpoints";
import { createResendProvider } from "./resend-provider";
import { createSmtpProvider } from "./smtp-provider";

export function createMailProvider({
  teamId,
  provider,
  credentials,
  onCredentialsRefreshed,
  endpoints = providerEndpoints(),
}: {
  teamId: string;
  provider: MailboxProvider;
  credentials: MailboxCredentials | null;
  onCredentialsRefreshed?: (credentials: OAuthCredentials) => Promise<void> | void;
  endpoints?: ProviderEndpoints;
}): MailProvider {
  if (provider === "local") return createLocalOutboxProvider({ teamId });
  const reconnect = () =>
    new AppError("invalid_input", `This ${provider} mailbox has no usable credentials. Reconnect it on the Mailboxes page.`);
  if (!credentials || (credentials.provider !== provider)) throw reconnect();
  const e = env();
  switch (credentials.provider) {
    case "smtp":
      return createSmtpProvider({ credentials });
    case "resend":
      return createResendProvider({ credentials, baseUrl: e.RESEND_BASE_URL });
    case "gmail":
      return createGmailProvider(gmailProviderOptions({ credentials, endpoints, onCredentialsRefreshed }));
    case "outlook":
      return createGraphProvider(graphProviderOptions({ credentials, endpoints, onCredentialsRefreshed }));
  }
}

type OAuthOptionsInput = {
  credentials: OAuthCredentials;
  endpoints?: ProviderEndpoints;
  onCredentialsRefreshed?: (credentials: OAuthCredentials) => Promise<void> | void;
};

/** What the Gmail API clients (sending here, reading in lib/inbound) need: the app's OAuth client and endpoints. */
export function gmailProviderOptions({ credentials, endpoints = providerEndpoints(), onCredentialsRefreshed }: OAuthOptionsInput) {
  const e = env();
  if (!e.AUTH_GOOGLE_ID || !e.AUTH_GOOGLE_SECRET) {
    throw new AppError("unavailable", "Gmail is not configured: set AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET.");
  }
  return { credentials, clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET, apiBaseUrl: endpoints.gmailApiBaseUrl, tokenUrl: endpoints.googleTokenUrl, onCredentialsRefreshed };
}

/** What the Microsoft Graph clients need. */
export function graphProviderOptions({ credentials, endpoints = providerEndpoints(), onCredentialsRefreshed }: OAuthOptionsInput) {
  const e = env();
  if (!e.AUTH_MICROSOFT_ENTRA_ID_ID || !e.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
    throw new AppError("unavailable", "Outlook is not configured: set AUTH_MICROSOFT_ENTRA_ID_ID and AUTH_MICROSOFT_ENTRA_ID_SECRET.");
  }
  return { credentials, clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID, clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET, graphBaseUrl: endpoints.graphBaseUrl, tokenUrl: endpoints.microsoftTokenUrl, onCredentialsRefreshed };
}
