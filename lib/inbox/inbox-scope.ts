// What "in the inbox" means, shared by the list, the unread count and the thread view.
import "server-only";
import { and, eq, gt, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import { emails } from "@/db/schema/emails";

/** People writing to us: replies and unmatched personal mail. Bounces, auto-replies and complaints stay out. */
export const INBOX_KINDS = ["reply", "other"] as const;

export function inboxRows(teamId: string): SQL {
  return and(eq(emails.teamId, teamId), eq(emails.direction, "inbound"), inArray(emails.inboundKind, [...INBOX_KINDS]))!;
}

/** Snoozed rows come back by themselves once their time has passed: nothing has to wake them. */
export function notSnoozed(now: Date): SQL {
  return or(isNull(emails.snoozedUntil), lte(emails.snoozedUntil, now))!;
}

export function snoozed(now: Date): SQL {
  return gt(emails.snoozedUntil, now);
}
