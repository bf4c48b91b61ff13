// One HTTP(S) GET to an address already checked, pinned so DNS cannot swap it between check and connect.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import zlib from "node:zlib";
import { SafeFetchError } from "./safe-fetch-error";

export type PinnedTarget = { address: string; family: 4 | 6 };
export type HopResult =
  | { kind: "redirect"; status: number; location: string }
  | { kind: "body"; status: number; contentType: string; body: Buffer };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/** A lookup that always answers with the checked address, in whichever shape the caller asks for. */
function pinnedLookup(target: PinnedTarget): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as LookupFunction;
}

function decoder(res: IncomingMessage, url: string): NodeJS.ReadableStream {
  const encoding = String(res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return res;
  if (encoding === "gzip" || encoding === "x-gzip") return res.pipe(zlib.createGunzip());
  if (encoding === "deflate") return res.pipe(zlib.createInflate());
  if (encoding === "br") return res.pipe(zlib.createBrotliDecompress());
  throw new SafeFetchError("network", `The page uses an unsupported content encoding (${encoding}).`, { url });
}

export function requestPinned(args: {
  url: URL;
  target: PinnedTarget;
  deadline: number;
  maxBytes: number;
  userAgent: string;
  signal?: AbortSignal;
}): Promise<HopResult> {
  const { url, target, maxBytes } = args;
  const href = url.href;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<HopResult>((resolve, reject) => {
    let settled = false;
    const fail = (error: SafeFetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    };
    const req = client.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      // A fresh connection per hop: a pooled socket could belong to a different, unchecked address.
      agent: false,
      lookup: pinnedLookup(target),
      signal: args.signal,
      headers: {
        "user-agent": args.userAgent,
        accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        "accept-encoding": "gzip, deflate, br",
        "accept-language": "en;q=1, *;q=0.5",
      },
    });
    const timer = setTimeout(
      () => fail(new SafeFetchError("timeout", "The page took too long to load.", { url: href })),
      Math.max(0, args.deadline - Date.now()),
    );
    req.on("error", (error) => fail(new SafeFetchError("network", `Could not load the page (${error.message}).`, { url: href, cause: error })));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location) {
        res.resume();
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ kind: "redirect", status, location });
        return;
      }
      if (status < 200 || status > 299) {
        return fail(new SafeFetchError("http_error", `The page answered HTTP ${status}.`, { url: href, status }));
      }
      const contentType = String(res.headers["content-type"] ?? "");
      if (!HTML.test(contentType)) {
        return fail(new SafeFetchError("not_html", `Only web pages can be researched (this is ${contentType || "an unknown type"}).`, { url: href, status }));
      }
      const declared = Number(res.headers["content-length"] ?? 0);
      if (declared > maxBytes && !res.headers["content-encoding"]) {
        return fail(new SafeFetchError("too_large", `The page is larger than ${Math.round(maxBytes / 1024)} KB.`, { url: href, status }));
      }
      let stream: NodeJS.ReadableStream;
      try {
        stream = decoder(res, href);
      } catch (error) {
        return fail(error as SafeFetchError);
      }
      // Counted after decompression, so a small compressed bomb cannot blow past the limit.
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) fail(new SafeFetchError("too_large", `The page is larger than ${Math.round(maxBytes / 1024)} KB.`, { url: href, status }));
        else chunks.push(chunk);
      });
      stream.on("error", (error: Error) => fail(new SafeFetchError("network", `The page could not be read (${error.message}).`, { url: href, status, cause: error })));
      stream.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ kind: "body", status, contentType, body: Buffer.concat(chunks) });
      });
    });
    req.end();
  });
}
