// Responses shared by the public tracking routes: the pixel, and a 404 that never redirects.

// The classic 43-byte transparent 1×1 GIF.
const TRANSPARENT_GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

// Every hit must reach us to be counted: no browser, proxy or CDN may answer from a cache.
export const NO_STORE = {
  "Cache-Control": "no-store, no-cache, must-revalidate, private, max-age=0",
  Pragma: "no-cache",
  Expires: "0",
} as const;

export function pixelResponse(): Response {
  return new Response(new Uint8Array(TRANSPARENT_GIF), {
    status: 200,
    headers: { ...NO_STORE, "Content-Type": "image/gif", "Content-Length": String(TRANSPARENT_GIF.length) },
  });
}

export function trackingNotFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8", "X-Robots-Tag": "noindex" },
  });
}

export function redirectResponse(destination: string): Response {
  return new Response(null, {
    status: 302,
    // no-referrer: the destination site does not learn the tracking URL (and so nothing about the recipient).
    headers: { ...NO_STORE, Location: destination, "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" },
  });
}
