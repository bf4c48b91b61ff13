import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as unsubscribeRoute from "@/app/u/[token]/route";
import { getDb } from "@/db";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { leads } from "@/db/schema/leads";
import { suppressions } from "@/db/schema/suppressions";
import { emailEvents } from "@/db/schema/tracking";
import { signTrackingToken } from "@/lib/tracking/sign-tracking-token";
import { BROWSER_UA, callRoute } from "../support/call-route";
import { createSendingFixture } from "../support/sending-fixtures";

type Fixture = Awaited<ReturnType<typeof createSendingFixture>>;
const tokenFor = (fx: Fixture) => signTrackingToken({ kind: "unsubscribe", teamId: fx.team.id, emailId: fx.email.id });

const get = (token: string) => callRoute(unsubscribeRoute.GET, token, { path: "/u", headers: { "user-agent": BROWSER_UA } });
// What Gmail/Yahoo send for RFC 8058: a POST with this exact body and no cookies.
const oneClick = (token: string, body: BodyInit = "List-Unsubscribe=One-Click", contentType?: string) =>
  callRoute(unsubscribeRoute.POST, token, {
    method: "POST",
    path: "/u",
    headers: contentType ? { "content-type": contentType, "user-agent": "Google-One-Click" } : { "user-agent": "Google-One-Click" },
    body,
  });

async function snapshot(fx: Fixture) {
  const db = await getDb();
  const [lead] = await db.select().from(leads).where(eq(leads.id, fx.lead.id));
  return {
    lead,
    suppressions: await db.select().from(suppressions).where(eq(suppressions.teamId, fx.team.id)),
    enrolments: Object.fromEntries(
      (await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.leadId, fx.lead.id))).map((e) => [e.campaignId, e.status]),
    ),
    events: await db.select().from(emailEvents).where(and(eq(emailEvents.teamId, fx.team.id), eq(emailEvents.type, "unsubscribe"))),
  };
}

describe("/u/<token>", () => {
  it("GET shows a confirmation form and changes nothing", async () => {
    const fx = await createSendingFixture();
    const res = await get(tokenFor(fx));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toMatch(/<form method="post">/);
    expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(html).not.toContain(fx.lead.email);
    const after = await snapshot(fx);
    expect(after.lead).toMatchObject({ status: "new", unsubscribedAt: null });
    expect(after.suppressions).toHaveLength(0);
    expect(after.events).toHaveLength(0);
    expect(after.enrolments[fx.campaigns.active.id]).toBe("active");
  });

  it("a cookie-less RFC 8058 POST suppresses the address team-wide, marks the lead, stops live enrolments and records one event", async () => {
    const fx = await createSendingFixture();
    const res = await oneClick(tokenFor(fx), "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You are unsubscribed");
    const after = await snapshot(fx);
    expect(after.suppressions).toEqual([
      expect.objectContaining({ kind: "address", value: fx.lead.email, reason: "unsubscribed", sourceEmailId: fx.email.id }),
    ]);
    expect(after.lead.status).toBe("unsubscribed");
    expect(after.lead.unsubscribedAt).toBeInstanceOf(Date);
    expect(after.enrolments).toEqual({
      [fx.campaigns.active.id]: "unsubscribed",
      [fx.campaigns.paused.id]: "unsubscribed",
      [fx.campaigns.finished.id]: "completed",
    });
    expect(after.events).toHaveLength(1);
    expect(after.events[0]).toMatchObject({ emailId: fx.email.id, leadId: fx.lead.id, campaignId: fx.campaigns.active.id, isMachine: false, userAgent: "Google-One-Click" });

    // Twice is harmless: same rows, same timestamp, no second event.
    // The second one arrives as text/plain (what a bare fetch sends): still read as the one-click body.
    const again = await oneClick(tokenFor(fx));
    expect(again.status).toBe(200);
    const twice = await snapshot(fx);
    expect(twice.suppressions).toHaveLength(1);
    expect(twice.events).toHaveLength(1);
    expect(twice.lead.unsubscribedAt).toEqual(after.lead.unsubscribedAt);
    expect(await (await get(tokenFor(fx))).text()).toContain("You are unsubscribed");
  });

  it("accepts the one-click body as multipart/form-data too", async () => {
    const fx = await createSendingFixture();
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    expect((await oneClick(tokenFor(fx), form)).status).toBe(200);
    expect((await snapshot(fx)).lead.status).toBe("unsubscribed");
  });

  it("does nothing for a POST without the one-click body", async () => {
    const fx = await createSendingFixture();
    const res = await oneClick(tokenFor(fx), "foo=bar", "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    const after = await snapshot(fx);
    expect(after.lead.status).toBe("new");
    expect(after.suppressions).toHaveLength(0);
  });

  it("answers 404 to tampered, foreign-kind and unknown tokens, and changes nothing", async () => {
    const fx = await createSendingFixture();
    const token = tokenFor(fx);
    const tampered = token.slice(0, 40) + (token[40] === "Q" ? "R" : "Q") + token.slice(41);
    const openToken = signTrackingToken({ kind: "open", teamId: fx.team.id, emailId: fx.email.id });
    const unknown = signTrackingToken({ kind: "unsubscribe", teamId: fx.team.id, emailId: randomUUID() });
    for (const t of [tampered, openToken, unknown]) {
      expect((await oneClick(t, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")).status).toBe(404);
      expect((await get(t)).status).toBe(404);
    }
    expect((await snapshot(fx)).lead.status).toBe("new");
  });

  it("stays inside the token's team: the same address in another team is untouched", async () => {
    const fx = await createSendingFixture();
    const other = await createSendingFixture({ leadEmail: fx.lead.email });
    await oneClick(tokenFor(fx), "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
    const theirs = await snapshot(other);
    expect(theirs.lead.status).toBe("new");
    expect(theirs.suppressions).toHaveLength(0);
    expect(theirs.enrolments[other.campaigns.active.id]).toBe("active");
  });
});
