// Why the research fetcher refused or failed a URL; the message is safe to show the rep.
export type SafeFetchErrorCode =
  | "invalid_url"
  | "blocked_address"
  | "dns_failed"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "not_html"
  | "http_error"
  | "network";

export class SafeFetchError extends Error {
  readonly code: SafeFetchErrorCode;
  readonly url: string;
  readonly status?: number;

  constructor(code: SafeFetchErrorCode, message: string, extra: { url: string; status?: number; cause?: unknown }) {
    super(message, { cause: extra.cause });
    this.name = "SafeFetchError";
    this.code = code;
    this.url = extra.url;
    this.status = extra.status;
  }
}
