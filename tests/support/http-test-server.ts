// A tiny HTTP server for provider stand-ins: collects the body, hands the handler a small request object.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type TestRequest = { method: string; url: URL; headers: http.IncomingHttpHeaders; body: Buffer };
export type TestReply = { status: number; json?: unknown; text?: string; headers?: Record<string, string> };

export async function startHttpTestServer(handle: (req: TestRequest) => TestReply | Promise<TestReply>) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const reply = await handle({
          method: req.method ?? "GET",
          url: new URL(req.url ?? "/", "http://local"),
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? "");
        const type = reply.json !== undefined ? { "content-type": "application/json; charset=utf-8" } : {};
        res.writeHead(reply.status, { ...type, ...reply.headers });
        res.end(body);
      } catch (error) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
