// Who is asking, as far as a public route can tell: client IP (first X-Forwarded-For hop, set by our proxy or
// Vercel), User-Agent and method. Used for machine detection and the per-IP rate limit, stored on the event.
export type RequestMeta = { ip: string | null; userAgent: string | null; method: string };

export function readRequestMeta(req: Request): RequestMeta {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || req.headers.get("x-real-ip")?.trim() || null;
  const userAgent = req.headers.get("user-agent")?.slice(0, 512) || null;
  return { ip: ip ? ip.slice(0, 64) : null, userAgent, method: req.method };
}
