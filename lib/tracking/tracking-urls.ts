// Public URLs of the tracking and unsubscribe routes. The base is APP_URL until teams get a custom tracking
// domain; callers pass `baseUrl` to override it.
import "server-only";
import { env } from "@/lib/env";
import { signTrackingToken } from "./sign-tracking-token";

export function trackingBaseUrl(): string {
  return env().APP_URL.replace(/\/+$/, "");
}

type Ids = { teamId: string; emailId: string };

export function openPixelUrl(ids: Ids, baseUrl = trackingBaseUrl()): string {
  return `${baseUrl}/t/o/${signTrackingToken({ kind: "open", ...ids })}`;
}

export function clickUrl(ids: Ids & { linkId: string }, baseUrl = trackingBaseUrl()): string {
  return `${baseUrl}/t/c/${signTrackingToken({ kind: "click", ...ids })}`;
}

export function unsubscribeUrl(ids: Ids, baseUrl = trackingBaseUrl()): string {
  return `${baseUrl}/u/${signTrackingToken({ kind: "unsubscribe", ...ids })}`;
}
