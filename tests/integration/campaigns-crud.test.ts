import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { campaignEnrolments, campaignMailboxes, campaigns } from "@/db/schema/campaigns";
import { archiveCampaign } from "@/lib/campaigns/archive-campaign";
import { campaignFormSchema, updateCampaignSchema } from "@/lib/campaigns/campaign.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { duplicateCampaign } from "@/lib/campaigns/duplicate-campaign";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { listEnrolments } from "@/lib/campaigns/list-enrolments";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { createUserWithTeam } from "../support/factories";
import { seedMailbox, seedReadyCampaign, seedSequence, validForm } from "./campaigns-fixtures";

const fieldErrors = (input: unknown) => {
  const result = campaignFormSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

// Opening (and migrating) the database is the slow part of a cold start; keep it out of the first test's time.
beforeAll(async () => {
  await getDb();
});

describe("campaign form schema", () => {
  it("explains each field it rejects", () => {
    expect(fieldErrors({ ...validForm(), name: " " }).name).toBe("Give the campaign a name.");
    expect(fieldErrors({ ...validForm(), scheduleDays: [] }).scheduleDays).toBe("Pick at least one sending day.");
    expect(fieldErrors({ ...validForm(), scheduleStart: "17:00", scheduleEnd: "09:00" }).scheduleEnd).toBe("The sending window must end after it starts.");
    expect(fieldErrors({ ...validForm(), scheduleStart: "9am" }).scheduleStart).toBe('Use a 24-hour time like 09:00 for "From".');
    expect(fieldErrors({ ...validForm(), timezoneMode: "fixed", timezone: "" }).timezone).toBe("A fixed schedule needs a time zone.");
    expect(fieldErrors({ ...validForm(), timezone: "Mars/Olympus" }).timezone).toMatch(/Pick a time zone/);
    expect(fieldErrors({ ...validForm(), selectionType: "tag" }).tag).toBe("Enter the tag whose leads to include.");
    expect(fieldErrors({ ...validForm(), selectionType: "field", fieldKey: "industry" }).fieldValue).toBe("Enter the value the custom field must have.");
    expect(fieldErrors({ ...validForm(), minEmailScore: "101" }).minEmailScore).toBe("Minimum email score must be at most 100.");
    expect(fieldErrors({ ...validForm(), dailyNewLeadLimit: "0" }).dailyNewLeadLimit).toBe("Daily new-lead limit must be at least 1.");
    expect(fieldErrors({ ...validForm(), dailyLimit: "ten" }).dailyLimit).toBe("Daily send limit must be a number.");
  });

  it("turns the form into the row's shape: minutes, sorted days, selection, weights, and a start in the rep's zone", () => {
    const mailboxId = "8b7d7c0e-9d6b-4f3a-9a8e-6d5c4b3a2f1e";
    const settings = campaignFormSchema.parse({
      ...validForm({ selectionType: "field", fieldKey: "industry", fieldValue: "fintech", mailboxIds: mailboxId, scheduleDays: ["5", "1"], trackClicks: undefined }),
      [`weight_${mailboxId}`]: "3",
      startAt: "2030-01-02T09:30",
      startAtZone: "America/New_York",
      stopScope: "domain",
      minEmailScore: "70",
    });
    expect(settings).toMatchObject({
      leadSelection: { field: { key: "industry", value: "fintech" } },
      mailboxes: [{ mailboxId, weight: 3 }],
      scheduleDays: [1, 5],
      scheduleStartMinute: 540,
      scheduleEndMinute: 1020,
      trackOpens: true,
      trackClicks: false,
      stopScope: "domain",
      minEmailScore: 70,
      dailyLimit: null,
    });
    expect(settings.scheduledStartAt?.toISOString()).toBe("2030-01-02T14:30:00.000Z");
  });
});

describe("campaign create, update, duplicate, archive", () => {
  it("creates a draft with its mailbox rotation and lists it with its sequence and counts", async () => {
    const { team, campaign, mailbox, sequence } = await seedReadyCampaign();
    expect(campaign.status).toBe("draft");
    const detail = await getCampaign({ teamId: team.id, campaignId: campaign.id });
    expect(detail.sequenceName).toBe(sequence.name);
    expect(detail.mailboxes).toEqual([expect.objectContaining({ mailboxId: mailbox.id, weight: 1, status: "active" })]);
    const { rows, total } = await listCampaigns({ teamId: team.id });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ id: campaign.id, sequenceName: sequence.name, status: "draft", enrolled: 0, active: 0, sent: 0, replied: 0 });
  });

  it("refuses a sequence or mailbox of another team as not found, writing nothing", async () => {
    const mine = await createUserWithTeam("mine");
    const theirs = await createUserWithTeam("theirs");
    const { sequence } = await seedSequence(theirs.team.id);
    const mailbox = await seedMailbox(theirs.team.id);
    const badSequence = campaignFormSchema.parse(validForm({ sequenceId: sequence.id }));
    await expect(createCampaign({ teamId: mine.team.id, actorUserId: mine.user.id, settings: badSequence })).rejects.toMatchObject({ code: "invalid_input", fields: { sequenceId: [expect.stringMatching(/not found/)] } });
    const badMailbox = campaignFormSchema.parse(validForm({ mailboxIds: [mailbox.id] }));
    await expect(createCampaign({ teamId: mine.team.id, actorUserId: mine.user.id, settings: badMailbox })).rejects.toMatchObject({ fields: { mailboxIds: [expect.stringMatching(/not found/)] } });
    expect((await listCampaigns({ teamId: mine.team.id })).total).toBe(0);
  });

  it("updates a draft and a paused campaign, but tells a running one to pause first", async () => {
    const { user, team, campaign, mailbox } = await seedReadyCampaign();
    const second = await seedMailbox(team.id);
    const { campaignId, ...settings } = updateCampaignSchema.parse({ campaignId: campaign.id, ...validForm({ name: "Renamed", sequenceId: campaign.sequenceId, mailboxIds: [mailbox.id, second.id], [`weight_${second.id}`]: "4" }) });
    await updateCampaign({ teamId: team.id, actorUserId: user.id, campaignId, settings });
    const detail = await getCampaign({ teamId: team.id, campaignId });
    expect(detail.name).toBe("Renamed");
    expect(detail.mailboxes.map((m) => [m.mailboxId, m.weight]).sort()).toEqual([[mailbox.id, 1], [second.id, 4]].sort());

    const db = await getDb();
    await db.update(campaigns).set({ status: "paused" }).where(eq(campaigns.id, campaign.id));
    await updateCampaign({ teamId: team.id, actorUserId: user.id, campaignId, settings: { ...settings, name: "Paused edit" } });
    expect((await getCampaign({ teamId: team.id, campaignId })).name).toBe("Paused edit");

    await db.update(campaigns).set({ status: "running" }).where(eq(campaigns.id, campaign.id));
    await expect(updateCampaign({ teamId: team.id, actorUserId: user.id, campaignId, settings: { ...settings, name: "Too late" } })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Pause it first") });
    const after = await getCampaign({ teamId: team.id, campaignId });
    expect(after.name).toBe("Paused edit");
    expect(after.mailboxes).toHaveLength(2);
  });

  it("keeps the sequence fixed once leads are enrolled", async () => {
    const { user, team, campaign, leads } = await seedReadyCampaign();
    const db = await getDb();
    await db.insert(campaignEnrolments).values({ teamId: team.id, campaignId: campaign.id, leadId: leads[0].id, status: "paused" });
    await db.update(campaigns).set({ status: "paused" }).where(eq(campaigns.id, campaign.id));
    const { sequence: other } = await seedSequence(team.id, [["A"]], "Other");
    const settings = campaignFormSchema.parse(validForm({ sequenceId: other.id }));
    await expect(updateCampaign({ teamId: team.id, actorUserId: user.id, campaignId: campaign.id, settings })).rejects.toMatchObject({ fields: { sequenceId: [expect.stringMatching(/Duplicate the campaign/)] } });
  });

  it("duplicates settings and mailboxes as a new draft, without enrolments", async () => {
    const { user, team, campaign, leads, mailbox } = await seedReadyCampaign();
    const db = await getDb();
    await db.update(campaigns).set({ status: "completed", dailyLimit: 40, stopScope: "domain", enrolledCount: 3, enrolmentTarget: 3 }).where(eq(campaigns.id, campaign.id));
    await db.insert(campaignEnrolments).values(leads.map((l) => ({ teamId: team.id, campaignId: campaign.id, leadId: l.id, status: "completed" as const })));

    const copy = await duplicateCampaign({ teamId: team.id, actorUserId: user.id, campaignId: campaign.id });
    expect(copy).toMatchObject({ name: "Q3 outreach (copy)", status: "draft", sequenceId: campaign.sequenceId, dailyLimit: 40, stopScope: "domain", scheduleDays: [1, 2, 3, 4, 5], timezone: "Europe/Berlin", enrolledCount: 0, enrolmentTarget: null, startedAt: null });
    const rotation = await db.select().from(campaignMailboxes).where(eq(campaignMailboxes.campaignId, copy.id));
    expect(rotation.map((r) => r.mailboxId)).toEqual([mailbox.id]);
    expect((await listEnrolments({ teamId: team.id, campaignId: copy.id })).total).toBe(0);
    expect((await listEnrolments({ teamId: team.id, campaignId: campaign.id })).total).toBe(3);
  });

  it("archives a stopped campaign but not a running one, and hides archived ones from the default list", async () => {
    const { user, team, campaign } = await seedReadyCampaign();
    const db = await getDb();
    await db.update(campaigns).set({ status: "running" }).where(eq(campaigns.id, campaign.id));
    await expect(archiveCampaign({ teamId: team.id, actorUserId: user.id, campaignId: campaign.id })).rejects.toMatchObject({ code: "conflict" });
    await db.update(campaigns).set({ status: "paused" }).where(eq(campaigns.id, campaign.id));
    expect(await archiveCampaign({ teamId: team.id, actorUserId: user.id, campaignId: campaign.id })).toEqual({ outcome: "archived" });
    expect((await listCampaigns({ teamId: team.id })).total).toBe(0);
    expect((await listCampaigns({ teamId: team.id, archived: true })).rows.map((r) => r.id)).toEqual([campaign.id]);
  });

  it("deletes, rather than archives, a draft that never had a sequence", async () => {
    const { user, team } = await createUserWithTeam("drafter");
    const draft = await createCampaign({ teamId: team.id, actorUserId: user.id, settings: campaignFormSchema.parse(validForm()) });
    expect(await archiveCampaign({ teamId: team.id, actorUserId: user.id, campaignId: draft.id })).toEqual({ outcome: "deleted" });
    expect((await listCampaigns({ teamId: team.id })).total + (await listCampaigns({ teamId: team.id, archived: true })).total).toBe(0);
  });

  it("lists enrolments with lead, step, mailbox and reason, filtered by status and paginated", async () => {
    const { team, campaign, leads, mailbox } = await seedReadyCampaign();
    const db = await getDb();
    await db.insert(campaignEnrolments).values([
      { teamId: team.id, campaignId: campaign.id, leadId: leads[0].id, status: "active", currentStepPosition: 1, assignedMailboxId: mailbox.id },
      { teamId: team.id, campaignId: campaign.id, leadId: leads[1].id, status: "replied", stopReason: "Replied to step 1" },
    ]);
    const replied = await listEnrolments({ teamId: team.id, campaignId: campaign.id, status: "replied" });
    expect(replied.total).toBe(1);
    expect(replied.rows[0]).toMatchObject({ leadId: leads[1].id, email: leads[1].email, stopReason: "Replied to step 1", mailboxEmail: null });
    const active = await listEnrolments({ teamId: team.id, campaignId: campaign.id, status: "active" });
    expect(active.rows[0]).toMatchObject({ stepPosition: 1, mailboxEmail: mailbox.email });
    expect((await listEnrolments({ teamId: team.id, campaignId: campaign.id, page: 2 })).rows).toEqual([]);
  });

  it("answers not found for another team's campaign on every read and write", async () => {
    const { campaign, settings } = await seedReadyCampaign("owner");
    const outsider = await createUserWithTeam("outsider");
    const args = { teamId: outsider.team.id, actorUserId: outsider.user.id, campaignId: campaign.id };
    await expect(getCampaign(args)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateCampaign({ ...args, settings: { ...settings, sequenceId: null, mailboxes: [] } })).rejects.toMatchObject({ code: "not_found" });
    await expect(duplicateCampaign(args)).rejects.toMatchObject({ code: "not_found" });
    await expect(archiveCampaign(args)).rejects.toMatchObject({ code: "not_found" });
    expect((await listEnrolments(args)).total).toBe(0);
    const db = await getDb();
    const [still] = await db.select().from(campaigns).where(and(eq(campaigns.id, campaign.id)));
    expect(still.status).toBe("draft");
  });
});
