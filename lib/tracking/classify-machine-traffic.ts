// Separates people from machines on the tracking routes. Machine hits are still recorded (is_machine = true)
// but count toward no human figure and trigger no automation. Heuristics, in order of confidence.

/** A hit this soon after sending is a security scanner or a prefetching proxy, not a person reading. */
export const MACHINE_WINDOW_SECONDS = 10;

export type MachineReason =
  | "head_request"
  | "no_user_agent"
  | "apple_mail_privacy_protection"
  | "link_scanner"
  | "too_soon_after_send"
  | "rate_limited";

// Known scanners, previewers and HTTP libraries (lower-case substrings of the User-Agent).
const SCANNER_MARKERS = [
  "barracuda", "mimecast", "proofpoint", "ppops", "forcepoint", "zscaler", "symantec", "messagelabs",
  "trend micro", "trendmicro", "fireeye", "ironport", "cisco", "sophos", "fortinet", "fortiguard",
  "checkpoint", "check point", "bitdefender", "kaspersky", "avast", "mcafee", "spamtitan", "libraesva",
  "safelinks", "bingpreview", "googlebot", "google-safety", "facebookexternalhit", "slackbot", "linkedinbot",
  "twitterbot", "whatsapp", "telegrambot", "discordbot", "skypeuripreview", "python-requests", "python-urllib",
  "aiohttp", "curl/", "wget/", "go-http-client", "okhttp", "java/", "libwww", "apache-httpclient",
  "httpclient", "node-fetch", "axios/", "undici", "headlesschrome", "phantomjs", "puppeteer", "playwright",
];
// "bingbot/2.0", "Slackbot-LinkExpanding", "(compatible; bot)"; not a word merely ending in "bot" ("CUBOT X30").
const GENERIC_BOT = /\b(bot|crawler|spider|scanner|preview|monitor)\b|[a-z]bot(?:[\/;)_-]|$)/i;

// Apple Mail Privacy Protection fetches every image through Apple's proxy at delivery, whether or not
// the person opens the mail; its requests carry a bare "Mozilla/5.0" and come from Apple's 17.0.0.0/8.
function isAppleMailProxy(userAgent: string, ip: string | null): boolean {
  if (userAgent.trim() === "Mozilla/5.0") return true;
  const v4 = ip?.replace(/^::ffff:/i, "") ?? "";
  return /^17\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

export function classifyMachineTraffic({
  kind,
  method,
  userAgent,
  ip,
  sentAt,
  now,
  rateLimited = false,
}: {
  kind: "open" | "click";
  method: string;
  userAgent: string | null;
  ip: string | null;
  sentAt: Date | null;
  now: Date;
  rateLimited?: boolean;
}): { isMachine: boolean; reason: MachineReason | null } {
  const machine = (reason: MachineReason) => ({ isMachine: true, reason });
  if (method.toUpperCase() === "HEAD") return machine("head_request");
  const ua = userAgent?.trim() ?? "";
  if (!ua) return machine("no_user_agent");
  if (kind === "open" && isAppleMailProxy(ua, ip)) return machine("apple_mail_privacy_protection");
  const lower = ua.toLowerCase();
  if (SCANNER_MARKERS.some((m) => lower.includes(m)) || GENERIC_BOT.test(ua)) return machine("link_scanner");
  if (sentAt && now.getTime() - sentAt.getTime() < MACHINE_WINDOW_SECONDS * 1000) return machine("too_soon_after_send");
  if (rateLimited) return machine("rate_limited");
  return { isMachine: false, reason: null };
}
