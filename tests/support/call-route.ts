// Calls a route module's real handler the way Next.js does: a Request plus `params` as a promise.
export type RouteHandler = (req: Request, ctx: { params: Promise<{ token: string }> }) => Promise<Response>;

export function callRoute(
  handler: RouteHandler,
  token: string,
  { method = "GET", path, headers = {}, body }: { method?: string; path: string; headers?: Record<string, string>; body?: BodyInit },
): Promise<Response> {
  const req = new Request(`http://localhost:3000${path}/${token}`, { method, headers, body });
  return handler(req, { params: Promise.resolve({ token }) });
}

export const BROWSER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
