// Microsoft Graph: a new thread goes out as our raw MIME through /me/sendMail (headers kept: Message-ID,
// List-Unsubscribe); a follow-up to a message we can find in the mailbox goes through createReply + send,
// so it sits in the same Outlook conversation.
import { z } from "zod";
import { httpApiError, networkError } from "./http-api-error";
import { MailProviderError, type MailProvider, type SendResult } from "./mail-provider";
import type { OAuthCredentials } from "./mailbox-credentials";
import { createOAuthSession } from "./oauth-session";
import { refreshOAuthToken } from "./refresh-oauth-token";

const messageSchema = z.object({ id: z.string(), conversationId: z.string().nullish(), internetMessageId: z.string().nullish() });
const listSchema = z.object({ value: z.array(messageSchema) });
const graphErrorSchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

function describeGraphError(json: unknown) {
  const parsed = graphErrorSchema.safeParse(json);
  if (!parsed.success) return {};
  const { code, message } = parsed.data.error;
  return { message: [code, message].filter(Boolean).join(": ") || undefined };
}

// Offline access plus sending; Microsoft requires the scope on every refresh.
export const GRAPH_SEND_SCOPE = "offline_access https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.ReadWrite";

export type GraphProviderOptions = {
  credentials: OAuthCredentials;
  clientId: string;
  clientSecret: string;
  graphBaseUrl: string;
  tokenUrl: string;
  onCredentialsRefreshed?: (credentials: OAuthCredentials) => Promise<void> | void;
  fetchImpl?: typeof fetch;
  now?: () => number;
};

/** The OAuth session (token refresh, retry on 401) every client of this mailbox uses: sending here, reading in lib/inbound. */
export function createGraphSession(options: GraphProviderOptions) {
  const fetchImpl = options.fetchImpl ?? fetch;
  return createOAuthSession({
    credentials: options.credentials,
    now: options.now,
    onRefreshed: options.onCredentialsRefreshed,
    refresh: (refreshToken) =>
      refreshOAuthToken({
        provider: "outlook",
        tokenUrl: options.tokenUrl,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        refreshToken,
        scope: options.credentials.scope ?? GRAPH_SEND_SCOPE,
        fetchImpl,
        now: options.now,
      }),
  });
}

export function createGraphProvider(options: GraphProviderOptions): MailProvider {
  const fetchImpl = options.fetchImpl ?? fetch;
  const session = createGraphSession(options);
  const me = `${options.graphBaseUrl.replace(/\/+$/, "")}/v1.0/me`;

  async function call(path: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await session.fetchWithToken((token) =>
        fetchImpl(`${me}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) }),
      );
    } catch (error) {
      if (error instanceof MailProviderError) throw error;
      throw networkError("outlook", error);
    }
    if (!res.ok) throw await httpApiError("outlook", res, describeGraphError);
    return res;
  }

  async function findSent(messageId: string): Promise<SendResult | null> {
    const filter = `internetMessageId eq '${messageId.replace(/'/g, "''")}'`;
    const q = new URLSearchParams({ $filter: filter, $select: "id,conversationId,internetMessageId", $top: "1" });
    const list = listSchema.parse(await (await call(`/messages?${q}`, { method: "GET" })).json());
    const hit = list.value[0];
    return hit ? { providerMessageId: hit.id, providerThreadId: hit.conversationId ?? null } : null;
  }

  return {
    name: "outlook",
    findSent,
    async send({ message, threadId }): Promise<SendResult> {
      const parentId = message.fields.headers["In-Reply-To"];
      const parent = parentId ? await findSent(parentId) : null;
      if (!parent) {
        // Graph accepts a whole MIME message, base64-encoded, as text/plain; it answers 202 with no body.
        await call("/sendMail", { method: "POST", headers: { "Content-Type": "text/plain" }, body: message.raw.toString("base64") });
        return { providerMessageId: message.messageId, providerThreadId: threadId ?? null };
      }
      const recipients = (list: string[]) => list.map((address) => ({ emailAddress: { address } }));
      const draft = messageSchema.parse(
        await (
          await call(`/messages/${encodeURIComponent(parent.providerMessageId)}/createReply`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              message: {
                toRecipients: recipients(message.fields.to),
                ccRecipients: recipients(message.fields.cc),
                body: { contentType: "HTML", content: message.fields.html },
                // Graph lets a JSON message carry only X- headers: this one ties the draft back to our row.
                internetMessageHeaders: [{ name: "X-Copilot-Message-Id", value: message.messageId }],
              },
            }),
          })
        ).json(),
      );
      await call(`/messages/${encodeURIComponent(draft.id)}/send`, { method: "POST" });
      return {
        providerMessageId: draft.id,
        providerThreadId: draft.conversationId ?? parent.providerThreadId ?? null,
        internetMessageId: draft.internetMessageId ?? null,
      };
    },
  };
}
