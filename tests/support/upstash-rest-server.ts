// A local server speaking Upstash Redis's REST wire format, backed by the real redis-server, so
// the real @upstash/redis HTTP client can be tested without the cloud:
//   POST /            body ["SET","k","v"]        → 200 {"result":…} | 400 {"error":…}
//   POST /pipeline    body [["SET",…],["GET",…]]  → 200 [{"result":…}|{"error":…}, …]
//   POST /multi-exec  same, atomically            → 200 […] | 400 {"error":…} if refused whole
//   Authorization: Bearer <token>                 → 401 {"error":"Unauthorized"} otherwise
//   Upstash-Encoding: base64                      → every string in `result` base64-encoded
// Upstash accepts the `#!lua flags=allow-key-locking` scripts that redis-server 7.0 rejects, so
// commands run through the app's ioredis requester, which already bridges exactly that gap.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { errors } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { createIoredisRequester } from "@/lib/redis/ioredis-requester";

export type UpstashRestServer = {
  url: string;
  token: string;
  /** Every request seen, for asserting on what the client actually sent. */
  requests: { path: string; base64: boolean }[];
  close(): Promise<void>;
};

function encodeBase64(value: unknown): unknown {
  if (typeof value === "string") return Buffer.from(value, "utf8").toString("base64");
  if (Array.isArray(value)) return value.map(encodeBase64);
  return value;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startUpstashRestServer(options: { redisUrl: string; token?: string }): Promise<UpstashRestServer> {
  const token = options.token ?? `test-token-${Math.random().toString(36).slice(2)}`;
  const redis = new IORedis(options.redisUrl, { maxRetriesPerRequest: 1 });
  redis.on("error", () => {});
  const requester = createIoredisRequester(redis);
  const requests: UpstashRestServer["requests"] = [];

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    requests.push({ path, base64 });
    if (req.method !== "POST") return send(405, { error: "ERR only POST is supported here" });
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized" });

    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(400, { error: "ERR failed to parse command" });
    }
    const encode = (result: unknown) => (base64 ? encodeBase64(result) : result);
    try {
      if (path === "/") {
        const reply = await requester.request({ body });
        return reply.error ? send(400, { error: reply.error }) : send(200, { result: encode(reply.result) });
      }
      if (path === "/pipeline" || path === "/multi-exec") {
        const replies = (await requester.request({ path: [path.slice(1)], body })) as unknown as {
          result?: unknown;
          error?: string;
        }[];
        return send(200, replies.map((r) => (r.error ? { error: r.error } : { result: encode(r.result) })));
      }
      return send(404, { error: `ERR unknown endpoint ${path}` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return send(error instanceof errors.UpstashError ? 400 : 500, { error: message });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    async close() {
      // The client keeps connections alive; without this, close() waits for them to time out.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
