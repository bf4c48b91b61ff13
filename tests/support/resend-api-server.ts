// A local stand-in for api.resend.com that speaks its wire format: POST /emails with a Bearer key,
// JSON body in, `{ id }` out, or Resend's error body `{ statusCode, name, message }`.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedEmail = { headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

export type ResendDomain = { name: string; status: "verified" | "pending" | "failed" | "not_started" };

export async function startResendApiServer({ apiKey, domains = [], restricted = false }: { apiKey: string; domains?: ResendDomain[]; restricted?: boolean }) {
  const received: ReceivedEmail[] = [];
  let failNext: { status: number; name: string; message: string } | null = null;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${apiKey}`) return reply(401, { statusCode: 401, name: "missing_api_key", message: "API key is invalid" });
      if (req.method === "GET" && req.url === "/domains") {
        if (restricted) return reply(401, { statusCode: 401, name: "restricted_api_key", message: "This API key is restricted to only send emails" });
        return reply(200, { object: "list", has_more: false, data: domains.map((d, i) => ({ id: `d_${i}`, name: d.name, status: d.status, created_at: "2026-01-01T00:00:00Z", region: "us-east-1", capabilities: { sending: "enabled", receiving: "disabled" } })) });
      }
      if (req.method !== "POST" || req.url !== "/emails") return reply(404, { statusCode: 404, name: "not_found", message: "Not found" });
      if (failNext) {
        const f = failNext;
        failNext = null;
        return reply(f.status, { statusCode: f.status, name: f.name, message: f.message });
      }
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      reply(200, { id: `re_${received.length}` });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNextWith(status: number, name: string, message: string) {
      failNext = { status, name, message };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
