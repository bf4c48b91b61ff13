// Read access to an Outlook mailbox through Microsoft Graph for inbound sync: the same OAuth session and refresh
// path the Graph sending provider uses, Graph's error bodies mapped to MailProviderError, and MIME via $value.
import { z } from "zod";
import { createGraphSession, type GraphProviderOptions } from "@/lib/email/providers/graph-provider";
import { httpApiError, networkError } from "@/lib/email/providers/http-api-error";
import { MailProviderError } from "@/lib/email/providers/mail-provider";
import { isOwnAddress } from "./is-own-address";

/** What reading an Outlook mailbox needs: the sending provider's options plus the mailbox's own address. */
export type GraphReadOptions = GraphProviderOptions & { ownAddress: string };

const graphErrorSchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

/** A message row as we $select it (delta and list): removed rows carry only id and @removed. */
export const graphMessageRowSchema = z.object({
  id: z.string(),
  "@removed": z.object({ reason: z.string().optional() }).optional(),
  conversationId: z.string().nullish(),
  receivedDateTime: z.string().nullish(),
  isDraft: z.boolean().nullish(),
  from: z.object({ emailAddress: z.object({ address: z.string().nullish() }).nullish() }).nullish(),
});
export type GraphMessageRow = z.infer<typeof graphMessageRowSchema>;

/** A query string with spaces as %20 (URLSearchParams writes "+", which not every OData parser reads as space). */
export function graphQuery(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k).replace(/%24/g, "$")}=${encodeURIComponent(v)}`)
    .join("&");
}


export const graphPageSchema = z.object({
  value: z.array(graphMessageRowSchema),
  "@odata.nextLink": z.string().optional(),
  "@odata.deltaLink": z.string().optional(),
});

export function createGraphApiClient(options: GraphReadOptions) {
  const fetchImpl = options.fetchImpl ?? fetch;
  const session = createGraphSession(options);
  const me = `${options.graphBaseUrl.replace(/\/+$/, "")}/v1.0/me`;

  /** A path under /me, or a nextLink/deltaLink Graph gave us. */
  function resolve(pathOrLink: string): string {
    if (pathOrLink.startsWith("/")) return `${me}${pathOrLink}`;
    // Links come back from a stored cursor: the bearer token must only ever go to Graph itself.
    const url = new URL(pathOrLink);
    const base = new URL(me);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${base.pathname}/`)) {
      throw new MailProviderError("permanent", "outlook", `Refusing to follow a link outside Microsoft Graph: ${url.origin}${url.pathname}`);
    }
    return url.toString();
  }

  async function request(pathOrLink: string, headers: Record<string, string>): Promise<Response> {
    const url = resolve(pathOrLink);
    let res: Response;
    try {
      res = await session.fetchWithToken((token) =>
        fetchImpl(url, { headers: { ...headers, Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) }),
      );
    } catch (error) {
      if (error instanceof MailProviderError) throw error;
      throw networkError("outlook", error);
    }
    if (!res.ok) {
      throw await httpApiError("outlook", res, (json) => {
        const e = graphErrorSchema.safeParse(json).data?.error;
        return { message: [e?.code, e?.message].filter(Boolean).join(": ") || undefined };
      });
    }
    return res;
  }

  async function getPage(pathOrLink: string, pageSize?: number) {
    // Delta pages default to 10 rows; a larger page is only a preference, so callers still handle any size.
    const prefer: Record<string, string> = pageSize ? { Prefer: `odata.maxpagesize=${pageSize}` } : {};
    return graphPageSchema.parse(await (await request(pathOrLink, { Accept: "application/json", ...prefer })).json());
  }

  /** A message's MIME source, or null when it was deleted since it was listed. */
  async function getMime(id: string): Promise<Buffer | null> {
    try {
      const res = await request(`/messages/${encodeURIComponent(id)}/$value`, { Accept: "*/*" });
      return Buffer.from(await res.arrayBuffer());
    } catch (error) {
      if (error instanceof MailProviderError && error.status === 404) return null;
      throw error;
    }
  }

  return { getPage, getMime };
}

export type GraphApiClient = ReturnType<typeof createGraphApiClient>;
