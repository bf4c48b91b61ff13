import { describe, expect, it } from "vitest";
import { classifyLink, isSafeRedirectTarget } from "@/lib/tracking/classify-link";
import { classifyMachineTraffic } from "@/lib/tracking/classify-machine-traffic";
import { findUnsafeLinks } from "@/lib/tracking/assert-safe-links";

describe("classifyLink", () => {
  it.each([
    ["https://example.com/a?b=1&amp;c=2", { action: "track", url: "https://example.com/a?b=1&c=2" }],
    ["HTTP://Example.com", { action: "track", url: "HTTP://Example.com" }],
    ["mailto:rep@acme.test", { action: "keep" }],
    ["tel:+15551234", { action: "keep" }],
    ["#section", { action: "keep" }],
  ])("%s", (href, expected) => {
    expect(classifyLink(href)).toEqual(expected);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "//evil.example/phish",
    "\\\\evil.example",
    "/\\evil.example",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox",
    "/relative/path",
    "https:\\\\evil.example",
  ])("refuses %s", (href) => {
    expect(classifyLink(href).action).toBe("unsafe");
  });

  it("only allows absolute http(s) redirect targets", () => {
    expect(isSafeRedirectTarget("https://example.com/x")).toBe(true);
    for (const bad of ["javascript:alert(1)", "//evil.example", "https:\\\\evil.example", " https://x.test", "ftp://x.test", "https://"]) {
      expect(isSafeRedirectTarget(bad), bad).toBe(false);
    }
  });

  it("finds unsafe links in a body, in any quoting style", () => {
    const html = `<a href='javascript:alert(1)'>x</a><a href=//evil.example>y</a><a href="https://ok.test">ok</a><a data-href="javascript:no">z</a>`;
    expect(findUnsafeLinks(html).map((u) => u.href)).toEqual(["javascript:alert(1)", "//evil.example"]);
  });
});

describe("classifyMachineTraffic", () => {
  const base = {
    method: "GET",
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    ip: "203.0.113.9",
    sentAt: new Date("2025-01-01T10:00:00Z"),
    now: new Date("2025-01-01T11:00:00Z"),
  };

  it("treats an ordinary browser an hour after sending as a person", () => {
    expect(classifyMachineTraffic({ kind: "click", ...base })).toEqual({ isMachine: false, reason: null });
    expect(classifyMachineTraffic({ kind: "open", ...base })).toEqual({ isMachine: false, reason: null });
  });

  it.each([
    [{ method: "HEAD" }, "head_request"],
    [{ userAgent: null }, "no_user_agent"],
    [{ userAgent: "Mozilla/5.0 (compatible; Barracuda Sentinel)" }, "link_scanner"],
    [{ userAgent: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" }, "link_scanner"],
    [{ userAgent: "python-requests/2.32.3" }, "link_scanner"],
    [{ now: new Date("2025-01-01T10:00:04Z") }, "too_soon_after_send"],
    [{ rateLimited: true }, "rate_limited"],
  ])("flags %o as %s", (override, reason) => {
    expect(classifyMachineTraffic({ kind: "click", ...base, ...override })).toEqual({ isMachine: true, reason });
  });

  it("flags Apple Mail Privacy Protection prefetches on opens (bare UA or Apple's 17.0.0.0/8)", () => {
    expect(classifyMachineTraffic({ kind: "open", ...base, userAgent: "Mozilla/5.0" }).reason).toBe("apple_mail_privacy_protection");
    expect(classifyMachineTraffic({ kind: "open", ...base, ip: "17.58.101.4" }).reason).toBe("apple_mail_privacy_protection");
    // A person at Apple clicking a link is still a person.
    expect(classifyMachineTraffic({ kind: "click", ...base, ip: "17.58.101.4" }).isMachine).toBe(false);
  });
});
