// A small HTTP client for calls to the app: node:http with keep-alive sockets (lighter per call than fetch,
// which matters once per step), or a given fetch (tests, custom transports).
import http from "node:http";
import https from "node:https";

export interface HttpReply {
  status: number;
  header(name: string): string | null;
  text: string;
}

export interface HttpSend {
  (url: string, init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number }): Promise<HttpReply>;
}

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 512 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 512 }),
};

export const nodeHttpSend: HttpSend = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const lib = target.protocol === "https:" ? https : http;
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers["content-length"] = Buffer.byteLength(init.body);
    const req = lib.request(
      target,
      { method: init.method, headers, agent: agents[target.protocol as "http:" | "https:"], timeout: init.timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const h = res.headers;
          resolve({
            status: res.statusCode ?? 0,
            header: (name) => {
              const v = h[name.toLowerCase()];
              return Array.isArray(v) ? v.join(", ") : (v ?? null);
            },
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No answer from ${target.origin} within ${init.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(init.body);
  });

export function fetchSend(fetchImpl: typeof fetch): HttpSend {
  return async (url, init) => {
    const res = await fetchImpl(url, { method: init.method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(init.timeoutMs) });
    const text = await res.text();
    return { status: res.status, header: (name) => res.headers.get(name), text };
  };
}
