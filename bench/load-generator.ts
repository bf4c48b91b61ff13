// A small closed-loop HTTP load generator for the benches: N keep-alive connections, each sending its next
// request as soon as the previous answer is read, for a fixed duration or a bounded number of requests.
// Loopback only (127.0.0.1): it refuses any other host. Redirects are never followed.
import http from "node:http";

export interface LoadOptions {
  url: string;
  connections: number;
  durationMs: number;
  /** Upper bound on requests sent, whatever the duration. */
  maxRequests: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  /** Responses per status code. */
  statuses: Record<number, number>;
  errors: number;
  elapsedMs: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

export async function runLoad({ url, connections, durationMs, maxRequests, headers = {} }: LoadOptions): Promise<LoadResult> {
  const target = new URL(url);
  if (target.hostname !== "127.0.0.1") throw new Error(`load generator only targets 127.0.0.1, not ${target.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies = new Float64Array(maxRequests);
  const statuses: Record<number, number> = {};
  let sent = 0;
  let done = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;

  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request(
        { agent, host: "127.0.0.1", port: target.port, path: target.pathname + target.search, method: "GET", headers },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => {
            latencies[done++] = performance.now() - t0;
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
          res.on("error", () => (errors++, resolve()));
        },
      );
      req.on("error", () => (errors++, resolve()));
      req.end();
    });

  const worker = async () => {
    while (sent < maxRequests && performance.now() < deadline) {
      sent++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  const sorted = latencies.subarray(0, done).sort();
  return {
    requests: done,
    statuses,
    errors,
    elapsedMs,
    rps: done / (elapsedMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}
