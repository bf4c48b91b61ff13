// Turns a failed REST call (Gmail, Graph) into a MailProviderError carrying the provider's own words.
import { MailProviderError, parseRetryAfter, type MailProviderErrorKind, type ProviderName } from "./mail-provider";

export function kindForStatus(status: number): MailProviderErrorKind {
  if (status === 401 || status === 403) return "auth_failed";
  if (status === 408 || status === 409 || status === 423 || status === 429 || status >= 500) return "transient";
  return "permanent";
}

export async function readBody(res: Response): Promise<{ text: string; json: unknown }> {
  const text = await res.text().catch(() => "");
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    return { text, json: null };
  }
}

export async function httpApiError(
  provider: ProviderName,
  res: Response,
  /** Pulls the provider's message and, where it says more than the status does, the kind. */
  describe: (json: unknown) => { message?: string; kind?: MailProviderErrorKind },
): Promise<MailProviderError> {
  const { text, json } = await readBody(res);
  const said = describe(json);
  const message = said.message || text.slice(0, 500) || `HTTP ${res.status} ${res.statusText}`;
  return new MailProviderError(said.kind ?? kindForStatus(res.status), provider, message, {
    status: res.status,
    retryAfterSeconds: parseRetryAfter(res.headers.get("retry-after")),
  });
}

/** A request that never got an answer (DNS, refused, reset, timeout) is worth retrying. */
export function networkError(provider: ProviderName, error: unknown): MailProviderError {
  const e = error as Error & { cause?: { code?: string } };
  const detail = e.name === "TimeoutError" ? "the request timed out" : (e.cause?.code ?? e.message);
  return new MailProviderError("transient", provider, `Could not reach the ${provider} API: ${detail}`, { cause: error });
}
