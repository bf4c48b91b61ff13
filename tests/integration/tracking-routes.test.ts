import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as clickRoute from "@/app/t/c/[token]/route";
import * as openRoute from "@/app/t/o/[token]/route";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { emailEvents, trackedLinks } from "@/db/schema/tracking";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { rewriteLinks } from "@/lib/tracking/rewrite-links";
import { signTrackingToken } from "@/lib/tracking/sign-tracking-token";
import { BROWSER_UA, callRoute } from "../support/call-route";
import { createSendingFixture } from "../support/sending-fixtures";

const DESTINATION = "https://acme.test/pricing?plan=pro&ref=mail";
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

async function trackedEmail(options: { sentSecondsAgo?: number } = {}) {
  const fx = await createSendingFixture(options);
  const { html, links } = await teamScope(fx.team.id, (tx) =>
    rewriteLinks(`<p><a href="https://acme.test/pricing?plan=pro&amp;ref=mail">pricing</a> <a href="https://acme.test/b">b</a></p>`, {
      tx,
      teamId: fx.team.id,
      emailId: fx.email.id,
    }),
  );
  const clickToken = /\/t\/c\/([A-Za-z0-9_-]+)/.exec(html)![1];
  const openToken = signTrackingToken({ kind: "open", teamId: fx.team.id, emailId: fx.email.id });
  return { fx, links, clickToken, openToken };
}

const click = (token: string, init: { method?: string; ua?: string | null; ip?: string } = {}) =>
  callRoute(init.method === "HEAD" ? clickRoute.HEAD : clickRoute.GET, token, {
    method: init.method ?? "GET",
    path: "/t/c",
    headers: { ...(init.ua === null ? {} : { "user-agent": init.ua ?? BROWSER_UA }), "x-forwarded-for": init.ip ?? freshIp() },
  });
const open = (token: string, init: { method?: string; ua?: string; ip?: string } = {}) =>
  callRoute(openRoute.GET, token, { method: init.method ?? "GET", path: "/t/o", headers: { "user-agent": init.ua ?? BROWSER_UA, "x-forwarded-for": init.ip ?? freshIp() } });

async function state(emailId: string, linkId?: string) {
  const db = await getDb();
  const events = await db.select().from(emailEvents).where(eq(emailEvents.emailId, emailId));
  const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
  const link = linkId ? (await db.select().from(trackedLinks).where(eq(trackedLinks.id, linkId)))[0] : undefined;
  return { events, email, link };
}

describe("GET /t/c/<token>", () => {
  it("redirects a person to the stored destination and records exactly one human click", async () => {
    const { fx, links, clickToken } = await trackedEmail();
    const res = await click(clickToken);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(DESTINATION);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const { events, email, link } = await state(fx.email.id, links[0].id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "click", isMachine: false, linkId: links[0].id, leadId: fx.lead.id, campaignId: fx.campaigns.active.id, teamId: fx.team.id });
    expect(email.clickCount).toBe(1);
    expect(email.firstClickedAt).toBeInstanceOf(Date);
    expect(link).toMatchObject({ clickCount: 1 });
    expect(link!.firstClickedAt).toBeInstanceOf(Date);
  });

  it("answers 404 and never redirects for a tampered token, an open token, or a link of another email", async () => {
    const { fx, clickToken, openToken } = await trackedEmail();
    const other = await createSendingFixture();
    const foreignLink = signTrackingToken({ kind: "click", teamId: fx.team.id, emailId: other.email.id, linkId: randomUUID() });
    const tampered = [5, 30, 60, clickToken.length - 3].map((i) => clickToken.slice(0, i) + (clickToken[i] === "x" ? "y" : "x") + clickToken.slice(i + 1));
    for (const token of [...tampered, openToken, foreignLink, "not-a-token", `${clickToken}AA`]) {
      const res = await click(token);
      expect(res.status, token).toBe(404);
      expect(res.headers.get("location")).toBeNull();
    }
    expect((await state(fx.email.id)).events).toHaveLength(0);
  });

  it("never redirects to javascript: or protocol-relative destinations, even from a validly signed token", async () => {
    const { fx } = await trackedEmail();
    const db = await getDb();
    for (const [position, destinationUrl] of [[10, "javascript:alert(1)"], [11, "//evil.example"], [12, "https:\\\\evil.example"]] as const) {
      const [row] = await db.insert(trackedLinks).values({ teamId: fx.team.id, emailId: fx.email.id, position, destinationUrl }).returning();
      const res = await click(signTrackingToken({ kind: "click", teamId: fx.team.id, emailId: fx.email.id, linkId: row.id }));
      expect(res.status).toBe(404);
      expect(res.headers.get("location")).toBeNull();
    }
    expect((await state(fx.email.id)).events).toHaveLength(0);
  });

  it("refuses to store javascript: or //evil.example links in the first place", async () => {
    const fx = await createSendingFixture();
    for (const href of ["javascript:alert(1)", "//evil.example"]) {
      const error = await teamScope(fx.team.id, (tx) => rewriteLinks(`<a href="${href}">x</a>`, { tx, teamId: fx.team.id, emailId: fx.email.id })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
    }
    const rows = await (await getDb()).select().from(trackedLinks).where(eq(trackedLinks.emailId, fx.email.id));
    expect(rows).toHaveLength(0);
  });

  it("records HEAD requests, scanners and hits right after sending as machine clicks, outside every counter", async () => {
    const { fx, links, clickToken } = await trackedEmail();
    const head = await click(clickToken, { method: "HEAD" });
    expect(head.status).toBe(302);
    const scanner = await click(clickToken, { ua: "Mozilla/5.0 (compatible; Barracuda Sentinel (EE))" });
    expect(scanner.headers.get("location")).toBe(DESTINATION);
    await click(clickToken, { ua: null });
    const { events, email, link } = await state(fx.email.id, links[0].id);
    expect(events.map((e) => [e.isMachine, e.metadata.machineReason])).toEqual([
      [true, "head_request"],
      [true, "link_scanner"],
      [true, "no_user_agent"],
    ]);
    expect(email.clickCount).toBe(0);
    expect(email.firstClickedAt).toBeNull();
    expect(link).toMatchObject({ clickCount: 0, firstClickedAt: null });

    const fresh = await trackedEmail({ sentSecondsAgo: 2 });
    await click(fresh.clickToken);
    const after = await state(fresh.fx.email.id, fresh.links[0].id);
    expect(after.events.map((e) => [e.isMachine, e.metadata.machineReason])).toEqual([[true, "too_soon_after_send"]]);
    expect(after.email.clickCount).toBe(0);
  });

  it("still answers and records every hit over the per-IP limit, flagged as machine", async () => {
    const { fx, clickToken } = await trackedEmail();
    // Unique per run: with REDIS_URL set the window is shared with earlier runs.
    const ip = `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
    const statuses = new Set<number>();
    for (let i = 0; i < 305; i++) statuses.add((await click(clickToken, { ip })).status);
    expect(statuses).toEqual(new Set([302]));
    const db = await getDb();
    const events = await db.select().from(emailEvents).where(and(eq(emailEvents.emailId, fx.email.id), eq(emailEvents.ip, ip)));
    expect(events).toHaveLength(305);
    expect(events.filter((e) => e.isMachine)).toHaveLength(5);
    expect(events.filter((e) => e.isMachine).every((e) => e.metadata.machineReason === "rate_limited")).toBe(true);
    expect((await state(fx.email.id)).email.clickCount).toBe(300);
  });
});

describe("GET /t/o/<token>", () => {
  it("returns an uncacheable 1×1 GIF and records a human open", async () => {
    const { fx, openToken } = await trackedEmail();
    const res = await open(openToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/gif");
    expect(res.headers.get("cache-control")).toMatch(/no-store.*no-cache/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 6).toString("latin1")).toBe("GIF89a");
    expect(body.readUInt16LE(6)).toBe(1);
    expect(body.readUInt16LE(8)).toBe(1);
    await open(openToken);
    const { events, email } = await state(fx.email.id);
    expect(events.map((e) => [e.type, e.isMachine])).toEqual([["open", false], ["open", false]]);
    expect(email.openCount).toBe(2);
    expect(email.firstOpenedAt).toBeInstanceOf(Date);
  });

  it("flags Apple Mail Privacy Protection and HEAD as machine opens, excluded from the open count", async () => {
    const { fx, openToken } = await trackedEmail();
    await open(openToken, { ua: "Mozilla/5.0" });
    await open(openToken, { ip: "17.58.63.10" });
    await open(openToken, { method: "HEAD" });
    const { events, email } = await state(fx.email.id);
    expect(events.map((e) => e.metadata.machineReason)).toEqual(["apple_mail_privacy_protection", "apple_mail_privacy_protection", "head_request"]);
    expect(events.every((e) => e.isMachine)).toBe(true);
    expect(email.openCount).toBe(0);
    expect(email.firstOpenedAt).toBeNull();
  });

  it("answers 404 for a tampered or foreign token and records nothing", async () => {
    const { fx, openToken, clickToken } = await trackedEmail();
    const tampered = openToken.slice(0, 20) + (openToken[20] === "a" ? "b" : "a") + openToken.slice(21);
    const unknownEmail = signTrackingToken({ kind: "open", teamId: fx.team.id, emailId: randomUUID() });
    for (const token of [tampered, clickToken, unknownEmail]) {
      const res = await open(token);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).not.toBe("image/gif");
    }
    expect((await state(fx.email.id)).events).toHaveLength(0);
  });
});
