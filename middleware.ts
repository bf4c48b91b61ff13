// Edge auth gate: anonymous visitors of app routes go to sign-in. It only looks for the session cookie
// (edge-safe, no database); every page, action and route still verifies the session on the server.
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC_PREFIXES = ["/sign-in", "/outbox", "/api/", "/t/", "/u/", "/_next/", "/favicon"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function middleware(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (pathname === "/" || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Public tracking (/t/), unsubscribe (/u/) and API routes never need the gate: skipping the edge sandbox
  // there saves ~13% of a tracking hit (bench/tracking).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|t/|u/|api/).*)"],
};
