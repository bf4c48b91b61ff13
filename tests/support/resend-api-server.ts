// A local stand-in for api.resend.com that speaks its wire format: POST /emails with a Bearer key,
// JSON body in, `{ id }` out, or Resend's error body `{ statusCode, name, message }`; GET /domains; and the
// Receiving API: GET /emails/receiving/:id (bodies, headers, and a signed raw.download_url that needs no key).
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedEmail = { headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

export type ResendDomain = { name: string; status: "verified" | "pending" | "failed" | "not_started" };

/** A message Resend received for us, as a test sets it up; `raw` (RFC 822 source) makes the API offer a download. */
export type InboundFixture = {
  id?: string;
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text?: string | null;
  html?: string | null;
  headers?: Record<string, string>;
  messageId?: string;
  raw?: string | null;
  createdAt?: string;
};

export async function startResendApiServer({ apiKey, domains = [], restricted = false }: { apiKey: string; domains?: ResendDomain[]; restricted?: boolean }) {
  const received: ReceivedEmail[] = [];
  const inbound = new Map<string, InboundFixture & { id: string; rawToken: string }>();
  /** Paths of every Receiving API and raw download request, in order. */
  const receivingRequests: string[] = [];
  let failNext: { status: number; name: string; message: string } | null = null;
  let url = "";
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const path = new URL(req.url ?? "/", "http://local");
      // Signed download URLs (Resend serves them from a CDN) carry their own signature, not the API key.
      const download = req.method === "GET" ? path.pathname.match(/^\/inbound-cdn\/([^/]+)\/raw$/) : null;
      if (download) {
        receivingRequests.push(path.pathname);
        const email = inbound.get(download[1]);
        if (!email?.raw || path.searchParams.get("signature") !== email.rawToken) {
          res.writeHead(403, { "content-type": "text/plain" });
          return res.end("AccessDenied");
        }
        res.writeHead(200, { "content-type": "message/rfc822" });
        return res.end(email.raw);
      }
      if (req.headers.authorization !== `Bearer ${apiKey}`) return reply(401, { statusCode: 401, name: "missing_api_key", message: "API key is invalid" });
      if (req.method === "GET" && req.url === "/domains") {
        if (restricted) return reply(401, { statusCode: 401, name: "restricted_api_key", message: "This API key is restricted to only send emails" });
        return reply(200, { object: "list", has_more: false, data: domains.map((d, i) => ({ id: `d_${i}`, name: d.name, status: d.status, created_at: "2026-01-01T00:00:00Z", region: "us-east-1", capabilities: { sending: "enabled", receiving: "disabled" } })) });
      }
      const receiving = req.method === "GET" ? path.pathname.match(/^\/emails\/receiving\/([^/]+)$/) : null;
      if (receiving) {
        receivingRequests.push(path.pathname);
        const email = inbound.get(receiving[1]);
        if (!email) return reply(404, { statusCode: 404, name: "not_found", message: "Email not found" });
        return reply(200, {
          object: "email",
          id: email.id,
          to: email.to,
          from: email.from,
          created_at: email.createdAt ?? new Date().toISOString(),
          subject: email.subject,
          bcc: null,
          cc: email.cc ?? null,
          reply_to: null,
          received_for: email.to,
          html: email.html ?? null,
          text: email.text ?? null,
          headers: email.headers ?? null,
          message_id: email.messageId ?? `<${email.id}@inbound.resend.test>`,
          raw: email.raw ? { download_url: `${url}/inbound-cdn/${email.id}/raw?signature=${email.rawToken}`, expires_at: new Date(Date.now() + 3_600_000).toISOString() } : null,
          attachments: [],
        });
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
  url = `http://127.0.0.1:${port}`;
  return {
    url,
    received,
    receivingRequests,
    /** Makes a received email retrievable through the Receiving API; returns its Resend id. */
    addInboundEmail(email: InboundFixture): string {
      const id = email.id ?? randomUUID();
      inbound.set(id, { ...email, id, rawToken: randomBytes(12).toString("hex") });
      return id;
    },
    failNextWith(status: number, name: string, message: string) {
      failNext = { status, name, message };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
