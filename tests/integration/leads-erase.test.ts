// GDPR erasure: personal data gone in one transaction, the address kept only as a hash that still blocks it.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema/audit";
import { campaignEnrolments } from "@/db/schema/campaigns";
import { emails } from "@/db/schema/emails";
import { jobEvents } from "@/db/schema/jobs";
import { leads } from "@/db/schema/leads";
import { researchData } from "@/db/schema/research";
import { suppressions } from "@/db/schema/suppressions";
import { emailEvents } from "@/db/schema/tracking";
import { createLead } from "@/lib/leads/create-lead";
import { ERASED_ADDRESS, eraseLead } from "@/lib/leads/erase-lead";
import { createLeadSchema } from "@/lib/leads/lead-fields.schema";
import { findSuppression, hashSuppressedAddress } from "@/lib/sending/is-suppressed";
import { startAppRoutesServer } from "../support/jobs-app-server";
import { createUserWithTeam } from "../support/factories";
import { createSendingFixture } from "../support/sending-fixtures";

// The app's event intake, so the after-commit `lead/stopped` event has somewhere real to go.
let server: Awaited<ReturnType<typeof startAppRoutesServer>>;
beforeAll(async () => {
  server = await startAppRoutesServer();
});
afterAll(async () => {
  await server?.close();
  delete process.env.JOBS_APP_URL;
});

describe("erase a lead", () => {
  it("removes personal data, keeps a hashed suppression, stops the lead and then blocks adding it again", async () => {
    const f = await createSendingFixture();
    const db = await getDb();
    const address = f.lead.email;
    await db.insert(emailEvents).values({ teamId: f.team.id, emailId: f.email.id, leadId: f.lead.id, type: "click", ip: "203.0.113.9", userAgent: "Mail/1.0", metadata: { to: address } });
    await db.insert(emails).values({ teamId: f.team.id, direction: "inbound", leadId: f.lead.id, fromAddress: address, fromName: "Grace Hopper", toAddresses: [f.mailbox.email], subject: "Re: hi", bodyText: "Call me on 555", status: "received" });
    await db.insert(researchData).values({ teamId: f.team.id, leadId: f.lead.id, status: "done", facts: [{ id: "1", claim: "Grace wrote COBOL", sourceUrl: "https://x.test", fetchedAt: new Date().toISOString(), confidence: 1 }] });

    expect(await eraseLead({ teamId: f.team.id, leadId: f.lead.id, actorUserId: f.user.id })).toEqual({ scrubbedEmails: 2 });

    expect(await db.select().from(leads).where(eq(leads.id, f.lead.id))).toEqual([]);
    expect(await db.select().from(researchData).where(eq(researchData.leadId, f.lead.id))).toEqual([]);
    expect(await db.select().from(campaignEnrolments).where(eq(campaignEnrolments.leadId, f.lead.id))).toEqual([]);
    const kept = await db.select().from(emails).where(eq(emails.teamId, f.team.id));
    expect(kept).toHaveLength(2);
    for (const e of kept) {
      expect(e).toMatchObject({ toAddresses: expect.not.arrayContaining([address]), subject: "", bodyHtml: null, bodyText: null });
      expect(JSON.stringify(e)).not.toContain(address);
    }
    expect(kept.find((e) => e.direction === "inbound")).toMatchObject({ fromAddress: ERASED_ADDRESS, fromName: null, toAddresses: [ERASED_ADDRESS] });
    expect(kept.find((e) => e.direction === "outbound")?.fromAddress).toBe(f.mailbox.email);
    const [event] = await db.select().from(emailEvents).where(eq(emailEvents.emailId, f.email.id));
    expect(event).toMatchObject({ type: "click", ip: null, userAgent: null, metadata: {} });

    const [suppression] = await db.select().from(suppressions).where(eq(suppressions.teamId, f.team.id));
    expect(suppression).toMatchObject({ kind: "address_hash", value: hashSuppressedAddress(address), reason: "manual" });
    expect(await findSuppression(db, { teamId: f.team.id, address: address.toUpperCase() })).toMatchObject({ id: suppression.id });

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.teamId, f.team.id), eq(auditLog.action, "lead.erased")));
    expect(audit.targetId).toBe(f.lead.id);
    expect(JSON.stringify(audit)).not.toContain(address);

    const stopped = (await db.select().from(jobEvents).where(eq(jobEvents.name, "lead/stopped"))).map((e) => (e.payload as { data?: { leadId?: string } }).data);
    expect(stopped.filter((d) => d?.leadId === f.lead.id)).toEqual([{ teamId: f.team.id, leadId: f.lead.id, reason: "erased" }]);

    const again = await createLead({ teamId: f.team.id, actorUserId: f.user.id, input: createLeadSchema.parse({ email: address }) }).catch((e) => e);
    expect(again).toMatchObject({ code: "conflict", fields: { email: [expect.stringContaining("suppression list")] } });
    expect(await db.select().from(leads).where(eq(leads.teamId, f.team.id))).toEqual([]);
  });

  it("does nothing for another team's lead", async () => {
    const f = await createSendingFixture();
    const other = await createUserWithTeam("other");
    await expect(eraseLead({ teamId: other.team.id, leadId: f.lead.id, actorUserId: other.user.id })).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    expect(await db.select().from(leads).where(eq(leads.id, f.lead.id))).toHaveLength(1);
    expect(await db.select().from(suppressions).where(eq(suppressions.teamId, other.team.id))).toEqual([]);
  });
});
