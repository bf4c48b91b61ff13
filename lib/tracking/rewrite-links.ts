// Click tracking: every http(s) link becomes /t/c/<signed token>, and its destination is stored now, at send
// time, in tracked_links. The click route only ever redirects to that stored row, never to anything in the URL.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { trackedLinks } from "@/db/schema/tracking";
import { escapeHtml } from "@/lib/email/render/html-entities";
import { assertSafeLinks } from "./assert-safe-links";
import { classifyLink } from "./classify-link";
import { findAnchorHrefs, replaceHrefs } from "./find-anchor-hrefs";
import { clickUrl, trackingBaseUrl } from "./tracking-urls";

export type RewrittenLink = { id: string; position: number; destinationUrl: string };

export async function rewriteLinks(
  html: string,
  {
    tx,
    teamId,
    emailId,
    baseUrl = trackingBaseUrl(),
    skipUrls = [],
  }: {
    tx: Queryable;
    teamId: string;
    emailId: string;
    baseUrl?: string;
    /** Left as written, e.g. the unsubscribe link (rewriting it would make unsubscribing depend on tracking). */
    skipUrls?: string[];
  },
): Promise<{ html: string; links: RewrittenLink[] }> {
  assertSafeLinks(html);
  const ours = [`${baseUrl}/u/`, `${baseUrl}/t/`];
  const anchors = findAnchorHrefs(html).flatMap((at) => {
    const d = classifyLink(at.value);
    if (d.action !== "track" || skipUrls.includes(d.url) || ours.some((p) => d.url.startsWith(p))) return [];
    return [{ at, url: d.url }];
  });
  if (anchors.length === 0) return { html, links: [] };

  // Keyed by (email, position): a retried send finds the rows of the first attempt and reuses their ids,
  // so the message it builds is identical and the destination stays the one fixed the first time.
  await tx
    .insert(trackedLinks)
    .values(anchors.map((a, position) => ({ id: randomUUID(), teamId, emailId, position, destinationUrl: a.url })))
    .onConflictDoNothing({ target: [trackedLinks.emailId, trackedLinks.position] });
  const rows = await tx
    .select({ id: trackedLinks.id, position: trackedLinks.position, destinationUrl: trackedLinks.destinationUrl })
    .from(trackedLinks)
    .where(and(eq(trackedLinks.emailId, emailId), eq(trackedLinks.teamId, teamId)));
  const byPosition = new Map(rows.map((r) => [r.position, r]));

  const links: RewrittenLink[] = [];
  const replacements = anchors.map((a, position) => {
    const row = byPosition.get(position);
    if (!row) throw new Error(`tracked link ${position} of email ${emailId} was not stored`);
    links.push(row);
    return { at: a.at, href: escapeHtml(clickUrl({ teamId, emailId, linkId: row.id }, baseUrl)) };
  });
  return { html: replaceHrefs(html, replacements), links };
}
