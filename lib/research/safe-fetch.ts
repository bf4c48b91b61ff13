// Fetches a web page for research without letting a URL reach our own network (SSRF): http(s) only,
// every hop's DNS answers checked and the connection pinned to the checked address, redirects
// followed by hand, size, time and content-type limits.
import dns from "node:dns/promises";
import net from "node:net";
import { isPublicAddress } from "./address-policy";
import { requestPinned, type PinnedTarget } from "./pinned-request";
import { SafeFetchError } from "./safe-fetch-error";

export { SafeFetchError } from "./safe-fetch-error";

export type SafeFetchOptions = {
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /**
   * Exact "host:port" pairs that may resolve to private addresses — for tests that serve pages from
   * 127.0.0.1. Nothing is allowed by default; production code never passes this.
   */
  allowPrivateForTests?: readonly string[];
  /** DNS resolution, replaceable for tests; defaults to the system resolver (all addresses). */
  resolve?: (hostname: string) => Promise<Array<{ address: string; family: number }>>;
  signal?: AbortSignal;
};

export type SafeFetchResult = {
  /** The final URL after redirects. */
  url: string;
  status: number;
  contentType: string;
  html: string;
  fetchedAt: string;
  /** Every URL visited before the final one. */
  redirects: string[];
};

export const SAFE_FETCH_DEFAULTS = { maxBytes: 1024 * 1024, timeoutMs: 8000, maxRedirects: 5 } as const;
const USER_AGENT = "Mozilla/5.0 (compatible; SalesCopilotResearch/1.0)";

const systemResolve = (hostname: string) => dns.lookup(hostname, { all: true, verbatim: true });

function parseUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new SafeFetchError("invalid_url", "That is not a valid web address.", { url: raw });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SafeFetchError("invalid_url", "Only http and https pages can be researched.", { url: url.href });
  }
  // Credentials in a URL are a classic way to disguise the real host; a public page never needs them.
  if (url.username || url.password) {
    throw new SafeFetchError("invalid_url", "Web addresses with a user name or password are not fetched.", { url: url.href });
  }
  return url;
}

async function withDeadline<T>(promise: Promise<T>, deadline: number, url: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SafeFetchError("timeout", "The page took too long to load.", { url })), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The address to connect to, after checking every address the name resolves to. */
async function checkedTarget(url: URL, options: SafeFetchOptions, deadline: number): Promise<PinnedTarget> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  let addresses: Array<{ address: string; family: number }>;
  if (net.isIP(hostname)) {
    addresses = [{ address: hostname, family: net.isIP(hostname) }];
  } else {
    try {
      addresses = await withDeadline((options.resolve ?? systemResolve)(hostname), deadline, url.href);
    } catch (error) {
      if (error instanceof SafeFetchError) throw error;
      throw new SafeFetchError("dns_failed", `Could not find ${hostname}.`, { url: url.href, cause: error });
    }
  }
  if (addresses.length === 0) throw new SafeFetchError("dns_failed", `Could not find ${hostname}.`, { url: url.href });
  const allowed = options.allowPrivateForTests?.includes(`${url.hostname}:${port}`) ?? false;
  // Every answer must be public: otherwise a name with one public and one private record could pick either.
  if (!allowed && addresses.some((a) => !isPublicAddress(a.address))) {
    throw new SafeFetchError("blocked_address", `${hostname} points to a private or reserved network address; only public websites can be researched.`, { url: url.href });
  }
  const first = addresses[0];
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

function decode(body: Buffer, contentType: string): string {
  const label =
    contentType.match(/charset=["']?([\w-]+)/i)?.[1] ??
    body.subarray(0, 2048).toString("latin1").match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

export async function safeFetch(input: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const maxBytes = options.maxBytes ?? SAFE_FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? SAFE_FETCH_DEFAULTS.maxRedirects;
  const deadline = Date.now() + (options.timeoutMs ?? SAFE_FETCH_DEFAULTS.timeoutMs);
  const redirects: string[] = [];
  let url = parseUrl(input);
  for (let hop = 0; ; hop++) {
    const target = await checkedTarget(url, options, deadline);
    const result = await requestPinned({ url, target, deadline, maxBytes, userAgent: USER_AGENT, signal: options.signal });
    if (result.kind === "body") {
      return { url: url.href, status: result.status, contentType: result.contentType, html: decode(result.body, result.contentType), fetchedAt: new Date().toISOString(), redirects };
    }
    if (hop >= maxRedirects) {
      throw new SafeFetchError("too_many_redirects", `The page redirected more than ${maxRedirects} times.`, { url: url.href });
    }
    redirects.push(url.href);
    // Each hop is a new URL from the remote server: it goes through every check again.
    url = parseUrl(result.location, url.href);
  }
}
