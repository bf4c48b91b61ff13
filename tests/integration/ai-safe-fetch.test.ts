// The research fetcher against real local HTTP servers: the allow path works only for an exact test host:port,
// and every private, loopback, link-local or reserved destination is refused before a connection is made.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeFetch, SafeFetchError, type SafeFetchOptions } from "@/lib/research/safe-fetch";

type Served = { url: string; port: number; hits: string[]; hosts: string[]; close(): Promise<void> };

async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Served> {
  const hits: string[] = [];
  const hosts: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    hosts.push(req.headers.host ?? "");
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    hosts,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const HTML = "<!doctype html><html><head><title>Acme</title></head><body><p>Acme makes rockets.</p></body></html>";
let site: Served;
let other: Served;
let allow: SafeFetchOptions;

beforeAll(async () => {
  other = await serve((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<p>internal admin</p>"));
  site = await serve((req, res) => {
    const html = (body: string, extra: http.OutgoingHttpHeaders = {}) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...extra }).end(body);
    const redirect = (location: string) => res.writeHead(302, { location }).end();
    const path = req.url ?? "/";
    if (path === "/page") return html(HTML);
    if (path === "/json") return res.writeHead(200, { "content-type": "application/json" }).end("{}");
    if (path === "/big") return html(`<p>${"a".repeat(200_000)}</p>`);
    if (path === "/big-chunked") {
      res.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 50; i++) res.write(`<p>${"b".repeat(10_000)}</p>`);
      return res.end();
    }
    if (path === "/gzip-bomb") return html(zlib.gzipSync(Buffer.alloc(5_000_000, 32)) as unknown as string, { "content-encoding": "gzip" });
    if (path === "/gzip") return html(zlib.gzipSync(Buffer.from(HTML)) as unknown as string, { "content-encoding": "gzip" });
    if (path === "/latin1") return res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" }).end(Buffer.from("<p>Café Zürich</p>", "latin1"));
    if (path === "/slow") return; // never answers
    if (path === "/missing") return res.writeHead(404, { "content-type": "text/html" }).end("<p>not found</p>");
    if (path === "/redirect-ok") return redirect("/page");
    if (path === "/redirect-private") return redirect(`${other.url}/admin`);
    if (path === "/redirect-localhost") return redirect(`http://localhost:${site.port}/page`);
    if (path === "/redirect-metadata") return redirect("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
    if (path === "/redirect-ten") return redirect("http://10.0.0.1/");
    if (path === "/redirect-file") return redirect("file:///etc/passwd");
    const hop = path.match(/^\/loop\/(\d+)$/);
    if (hop) return redirect(`/loop/${Number(hop[1]) + 1}`);
    res.writeHead(404).end();
  });
  allow = { allowPrivateForTests: [`127.0.0.1:${site.port}`] };
});
afterAll(async () => {
  await site?.close();
  await other?.close();
});

async function refusal(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchError> {
  const error = await safeFetch(url, { timeoutMs: 2000, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

describe("safeFetch: the allowed path", () => {
  it("fetches an HTML page from the allowed test host", async () => {
    const page = await safeFetch(`${site.url}/page`, allow);
    expect(page).toMatchObject({ url: `${site.url}/page`, status: 200, html: HTML, redirects: [] });
    expect(Date.parse(page.fetchedAt)).not.toBeNaN();
  });

  it("follows a redirect on the same allowed host and reports the hops", async () => {
    const page = await safeFetch(`${site.url}/redirect-ok`, allow);
    expect(page).toMatchObject({ url: `${site.url}/page`, redirects: [`${site.url}/redirect-ok`] });
  });

  it("decompresses gzip and decodes the declared charset", async () => {
    expect((await safeFetch(`${site.url}/gzip`, allow)).html).toBe(HTML);
    expect((await safeFetch(`${site.url}/latin1`, allow)).html).toBe("<p>Café Zürich</p>");
  });

  it("connects to the address it checked, not whatever DNS says later, and keeps the Host header", async () => {
    const before = site.hits.length;
    let lookups = 0;
    const page = await safeFetch(`http://public.test:${site.port}/page`, {
      allowPrivateForTests: [`public.test:${site.port}`],
      resolve: async () => {
        lookups++;
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });
    expect(page.html).toBe(HTML);
    // One lookup, done by us: the socket never asked the system resolver about public.test (it would fail).
    expect(lookups).toBe(1);
    expect(site.hits.length).toBe(before + 1);
    expect(site.hosts.at(-1)).toBe(`public.test:${site.port}`);
  });
});

describe("safeFetch: refusals", () => {
  const blocked = [
    "http://127.0.0.1/",
    "http://localhost/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://0.0.0.0/",
    "http://100.64.0.1/",
    "http://2130706433/", // 127.0.0.1 written as one number
    "http://0x7f.1/",
  ];
  for (const url of blocked) {
    it(`refuses ${url}`, async () => {
      expect((await refusal(url)).code).toBe("blocked_address");
    });
  }

  it("refuses the test server itself unless its exact host:port is allowed", async () => {
    const before = site.hits.length;
    expect((await refusal(`${site.url}/page`)).code).toBe("blocked_address");
    expect((await refusal(`http://localhost:${site.port}/page`, allow)).code).toBe("blocked_address");
    expect((await refusal(`${site.url}/page`, { allowPrivateForTests: [`127.0.0.1:${site.port + 1}`] })).code).toBe("blocked_address");
    expect(site.hits.length).toBe(before);
  });

  it("refuses a name that resolves to any private address, even alongside a public one", async () => {
    const error = await refusal("http://rebind.test/", { resolve: async () => [{ address: "93.184.216.34", family: 4 }, { address: "10.1.2.3", family: 4 }] });
    expect(error.code).toBe("blocked_address");
  });

  it("re-checks every redirect hop: an allowed host cannot bounce the fetcher into a private address", async () => {
    for (const path of ["/redirect-private", "/redirect-localhost", "/redirect-metadata", "/redirect-ten"]) {
      const error = await refusal(`${site.url}${path}`, allow);
      expect(error.code, path).toBe("blocked_address");
    }
    expect(other.hits).toEqual([]);
    expect((await refusal(`${site.url}/redirect-file`, allow)).code).toBe("invalid_url");
  });

  it("refuses non-http schemes and URLs with credentials", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.com/", "gopher://127.0.0.1:6379/_INFO", "javascript:alert(1)", "not a url"]) {
      expect((await refusal(url)).code, url).toBe("invalid_url");
    }
    expect((await refusal(`http://user:secret@127.0.0.1:${site.port}/page`, allow)).code).toBe("invalid_url");
  });

  it("stops after 5 redirects", async () => {
    expect((await refusal(`${site.url}/loop/0`, allow)).code).toBe("too_many_redirects");
  });

  it("enforces the size limit on declared, streamed and decompressed bodies", async () => {
    expect((await refusal(`${site.url}/big`, { ...allow, maxBytes: 100_000 })).code).toBe("too_large");
    expect((await refusal(`${site.url}/big-chunked`, { ...allow, maxBytes: 100_000 })).code).toBe("too_large");
    expect((await refusal(`${site.url}/gzip-bomb`, { ...allow, maxBytes: 100_000 })).code).toBe("too_large");
  });

  it("gives up on a page that does not answer in time", async () => {
    const started = Date.now();
    expect((await refusal(`${site.url}/slow`, { ...allow, timeoutMs: 300 })).code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("accepts only HTML, and reports HTTP errors", async () => {
    expect((await refusal(`${site.url}/json`, allow)).code).toBe("not_html");
    const missing = await refusal(`${site.url}/missing`, allow);
    expect(missing).toMatchObject({ code: "http_error", status: 404 });
  });
});
