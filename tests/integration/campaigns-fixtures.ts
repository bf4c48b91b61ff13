// Real rows for the campaign tests: a sequence with steps and variants, mailboxes, leads, and a valid form.
import { getDb } from "@/db";
import { mailboxes, type NewMailbox } from "@/db/schema/mailboxes";
import { leads, type NewLead } from "@/db/schema/leads";
import { sequences, sequenceSteps, sequenceStepVariants } from "@/db/schema/sequences";
import { teams } from "@/db/schema/teams";
import { eq } from "drizzle-orm";
import { campaignFormSchema, type CampaignFormInput } from "@/lib/campaigns/campaign.schema";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { createUserWithTeam } from "../support/factories";

/** A sequence whose steps each carry the given variant labels (weight 1). */
export async function seedSequence(teamId: string, stepsVariants: string[][] = [["A", "B"], ["A"]], name = "Outreach") {
  const db = await getDb();
  const [sequence] = await db.insert(sequences).values({ teamId, name, status: "active" }).returning();
  const variantIds: string[][] = [];
  for (const [position, labels] of stepsVariants.entries()) {
    const [step] = await db.insert(sequenceSteps).values({ teamId, sequenceId: sequence.id, position, delayMinutes: position * 1440 }).returning();
    const rows = labels.length ? await db.insert(sequenceStepVariants).values(labels.map((label) => ({ teamId, stepId: step.id, label, subject: `Hi ${label}`, bodyHtml: "<p>Hello</p>" }))).returning() : [];
    variantIds.push(rows.map((r) => r.id));
  }
  return { sequence, variantIds };
}

export async function seedMailbox(teamId: string, values: Partial<NewMailbox> = {}) {
  const db = await getDb();
  const [row] = await db.insert(mailboxes).values({ teamId, provider: "local", email: `sender-${Math.random().toString(36).slice(2, 8)}@acme.test`, ...values }).returning();
  return row;
}

export async function seedLeads(teamId: string, rows: Partial<NewLead>[]) {
  const db = await getDb();
  return db.insert(leads).values(rows.map((r, i) => ({ teamId, email: `lead${i}-${Math.random().toString(36).slice(2, 8)}@example.com`, timezone: "Europe/Berlin", ...r }))).returning();
}

export async function setPostalAddress(teamId: string, value: string | null) {
  const db = await getDb();
  await db.update(teams).set({ postalAddress: value }).where(eq(teams.id, teamId));
}

export function validForm(overrides: Partial<CampaignFormInput> & Record<string, unknown> = {}) {
  return {
    name: "Q3 outreach",
    selectionType: "all",
    scheduleDays: ["1", "2", "3", "4", "5"],
    scheduleStart: "09:00",
    scheduleEnd: "17:00",
    timezoneMode: "recipient",
    timezone: "Europe/Berlin",
    trackOpens: "on",
    trackClicks: "on",
    stopScope: "lead",
    ...overrides,
  };
}

/** A team with a postal address, a two-step sequence, an active mailbox, three leads and a draft campaign over them. */
export async function seedReadyCampaign(label = "rep") {
  const { user, team } = await createUserWithTeam(label);
  await setPostalAddress(team.id, "Acme Inc., 1 Market St, San Francisco, CA 94105");
  const { sequence, variantIds } = await seedSequence(team.id);
  const mailbox = await seedMailbox(team.id);
  const leadRows = await seedLeads(team.id, [{}, {}, {}]);
  const settings = campaignFormSchema.parse(validForm({ sequenceId: sequence.id, mailboxIds: [mailbox.id] }));
  const campaign = await createCampaign({ teamId: team.id, actorUserId: user.id, settings });
  return { user, team, sequence, variantIds, mailbox, leads: leadRows, campaign, settings };
}
