// Exports: the filtered CSV (formula-safe, RFC 4180, streamed in batches), one lead's GDPR data, the timeline.
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emails } from "@/db/schema/emails";
import { leads } from "@/db/schema/leads";
import { emailEvents } from "@/db/schema/tracking";
import { csvCell } from "@/lib/leads/csv-cell";
import { exportLeadData } from "@/lib/leads/export-lead-data";
import { exportLeadsCsv } from "@/lib/leads/export-leads-csv";
import { getLead } from "@/lib/leads/get-lead";
import { getLeadTimeline } from "@/lib/leads/get-lead-timeline";
import { listLeadEnrolments } from "@/lib/leads/list-lead-enrolments";
import { createUserWithTeam } from "../support/factories";
import { createSendingFixture } from "../support/sending-fixtures";

const readAll = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("CSV export", () => {
  it("neutralises formula cells and quotes commas, quotes and newlines", () => {
    expect(csvCell('=HYPERLINK("http://evil.test","click")')).toBe(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(csvCell("+1 555 0100")).toBe("'+1 555 0100");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@x")).toBe("'@x");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
    expect(csvCell("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvCell('The "best"')).toBe('"The ""best"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
  });

  it("streams the filtered leads with their custom fields as extra columns, safe to open in a spreadsheet", async () => {
    const { team } = await createUserWithTeam("csv");
    const other = await createUserWithTeam("csv-other");
    const db = await getDb();
    await db.insert(leads).values([
      { teamId: team.id, email: "evil@x.com", firstName: '=HYPERLINK("http://evil.test","click")', company: "Acme, Inc.", title: 'The "best"', phone: "+1 555", tags: ["vip"], customFields: { note: "-2", industry: "line one\nline two" } },
      { teamId: team.id, email: "plain@x.com", firstName: "@x", company: "Plain", tags: ["vip"], customFields: { size: 12 } },
      { teamId: team.id, email: "nottagged@x.com", firstName: "Nope" },
    ]);
    await db.insert(leads).values({ teamId: other.team.id, email: "other@x.com", tags: ["vip"] });

    const csv = await readAll(exportLeadsCsv({ teamId: team.id, filter: { tag: "vip" } }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("email,first_name,last_name,company,title,phone,website,linkedin_url,city,country,timezone,status,tags,source,created_at,industry,note,size");
    expect(csv).not.toContain("other@x.com");
    expect(csv).not.toContain("nottagged@x.com");
    expect(csv).toContain(`evil@x.com,"'=HYPERLINK(""http://evil.test"",""click"")",,"Acme, Inc.","The ""best""",'+1 555,`);
    expect(csv).toContain(`,"line one\nline two",'-2,\r\n`);
    expect(lines.find((l) => l.startsWith("plain@x.com,"))).toMatch(/^plain@x\.com,'@x,,Plain,.*,,12$/);
  });

  it("streams more than one batch without repeating or dropping a lead", async () => {
    const { team } = await createUserWithTeam("csv-big");
    const db = await getDb();
    const at = new Date();
    // One shared creation time: the keyset cursor must carry the id too.
    await db.insert(leads).values(Array.from({ length: 2100 }, (_, i) => ({ teamId: team.id, email: `l${i}@big.com`, createdAt: at })));
    const csv = await readAll(exportLeadsCsv({ teamId: team.id, filter: {} }));
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(2100);
    expect(new Set(rows.map((r) => r.split(",")[0])).size).toBe(2100);
  });
});

describe("one lead's data", () => {
  it("exports the lead with its emails, tracking events, research and enrolments as JSON", async () => {
    const f = await createSendingFixture();
    const db = await getDb();
    await db.insert(emailEvents).values({ teamId: f.team.id, emailId: f.email.id, leadId: f.lead.id, type: "open", ip: "203.0.113.9", userAgent: "Mail/1.0" });
    const data = await exportLeadData({ teamId: f.team.id, leadId: f.lead.id });
    expect(data.lead.email).toBe(f.lead.email);
    expect(data.emails.map((e) => e.id)).toEqual([f.email.id]);
    expect(data.emails[0].toAddresses).toEqual([f.lead.email]);
    expect(data.trackingEvents).toMatchObject([{ type: "open", ip: "203.0.113.9" }]);
    expect(data.enrolments.map((e) => e.campaignName).sort()).toEqual(["Old campaign", "Q3 outreach", "Webinar follow-up"]);
    // Survives JSON (what the route sends).
    expect(JSON.parse(JSON.stringify(data)).emails[0].subject).toBe("Quick question");
  });

  it("is not found for another team, on the page's get and on the export", async () => {
    const f = await createSendingFixture();
    const other = await createUserWithTeam("outsider");
    await expect(getLead({ teamId: other.team.id, leadId: f.lead.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(exportLeadData({ teamId: other.team.id, leadId: f.lead.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getLead({ teamId: f.team.id, leadId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found", status: 404 });
    expect((await getLead({ teamId: f.team.id, leadId: f.lead.id })).lead.id).toBe(f.lead.id);
  });

  it("lists every email and engagement newest first, and the lead's campaigns", async () => {
    const f = await createSendingFixture({ sentSecondsAgo: 3600 });
    const db = await getDb();
    const t = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await db.insert(emailEvents).values([
      { teamId: f.team.id, emailId: f.email.id, leadId: f.lead.id, type: "open", occurredAt: t(50) },
      { teamId: f.team.id, emailId: f.email.id, leadId: f.lead.id, type: "click", occurredAt: t(40) },
      { teamId: f.team.id, emailId: f.email.id, leadId: f.lead.id, type: "delivered", occurredAt: t(59) },
      { teamId: f.team.id, emailId: f.email.id, leadId: f.lead.id, type: "reply", occurredAt: t(30) },
    ]);
    await db.insert(emails).values({ teamId: f.team.id, direction: "inbound", leadId: f.lead.id, fromAddress: f.lead.email, toAddresses: [f.mailbox.email], subject: "Re: Quick question", status: "received", receivedAt: t(30) });
    const timeline = await getLeadTimeline({ teamId: f.team.id, leadId: f.lead.id });
    expect(timeline.map((i) => (i.kind === "email" ? `email:${i.direction}` : `event:${i.type}`))).toEqual([
      expect.stringMatching(/^(email:inbound|event:reply)$/),
      expect.stringMatching(/^(email:inbound|event:reply)$/),
      "event:click",
      "event:open",
      "email:outbound",
    ]);
    expect(await getLeadTimeline({ teamId: (await createUserWithTeam("x")).team.id, leadId: f.lead.id })).toEqual([]);
    const enrolments = await listLeadEnrolments({ teamId: f.team.id, leadId: f.lead.id });
    expect(enrolments.map((e) => [e.campaignName, e.status]).sort()).toEqual([["Old campaign", "completed"], ["Q3 outreach", "active"], ["Webinar follow-up", "paused"]]);
  });
});
