// The small, dependency-free HTML pages of /u/<token>. No scripts, no cookies, no external assets.
import { escapeHtml } from "@/lib/email/render/html-entities";
import { NO_STORE } from "./tracking-responses";

type PageState =
  | { state: "confirm"; maskedAddress: string; senderName: string }
  | { state: "done"; maskedAddress: string; senderName: string }
  | { state: "invalid" }
  | { state: "bad-request" };

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#111827;background:#f9fafb;margin:0;padding:48px 16px}
main{max-width:420px;margin:0 auto;background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:32px}
h1{font-size:20px;margin:0 0 12px}p{margin:0 0 16px;color:#374151}
button{font:inherit;background:#111827;color:#fff;border:0;border-radius:8px;padding:10px 16px;cursor:pointer}</style>
</head><body><main>${body}</main></body></html>`;
}

function content(page: PageState): { status: number; title: string; body: string } {
  switch (page.state) {
    case "confirm":
      return {
        status: 200,
        title: "Unsubscribe",
        body:
          `<h1>Unsubscribe?</h1><p>Stop all emails from ${escapeHtml(page.senderName)} to ${escapeHtml(page.maskedAddress)}.</p>` +
          // Posts the RFC 8058 field itself, so the one-click path and this form are the same request.
          `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
      };
    case "done":
      return {
        status: 200,
        title: "Unsubscribed",
        body: `<h1>You are unsubscribed</h1><p>${escapeHtml(page.senderName)} will not email ${escapeHtml(page.maskedAddress)} again.</p>`,
      };
    case "invalid":
      return { status: 404, title: "Link not valid", body: `<h1>This link is not valid</h1><p>It may have been copied incompletely.</p>` };
    case "bad-request":
      return { status: 400, title: "Unsubscribe", body: `<h1>Nothing was changed</h1><p>Use the button on the unsubscribe page.</p>` };
  }
}

export function unsubscribePageResponse(page: PageState): Response {
  const { status, title, body } = content(page);
  return new Response(layout(title, body), {
    status,
    headers: {
      ...NO_STORE,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
