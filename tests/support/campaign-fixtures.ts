// A runnable campaign through the real schema: a team with a postal address, a local mailbox open around the
// clock, a sequence (steps × variants as given), leads, and a draft campaign sending from that mailbox.
import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { campaignEnrolments, campaignMailboxes, campaigns, type NewCampaign } from "@/db/schema/campaigns";
import { leads, type NewLead } from "@/db/schema/leads";
import { mailboxes, type NewMailbox } from "@/db/schema/mailboxes";
import { outboxMessages } from "@/db/schema/outbox";
import { sequenceStepVariants, sequenceSteps, sequences, type NewSequenceStep } from "@/db/schema/sequences";
import { teams } from "@/db/schema/teams";
import { createUserWithTeam } from "./factories";
import { POSTAL_ADDRESS } from "./sending-fixtures";

export type StepSpec = Partial<Pick<NewSequenceStep, "delayMinutes" | "condition" | "sameThread">> & {
  variants?: { label: string; subject: string | null; body: string; weight?: number }[];
};

const ALL_DAY = { sendingDays: [0, 1, 2, 3, 4, 5, 6], sendingStartMinute: 0, sendingEndMinute: 1440, timezone: "UTC", minIntervalSeconds: 0, jitterSeconds: 0, dailyCap: 1000 };

export async function createCampaignFixture({
  steps,
  leads: leadSpecs,
  campaign: campaignOverrides = {},
  mailbox: mailboxOverrides = {},
}: {
  steps: StepSpec[];
  leads: Partial<NewLead>[];
  campaign?: Partial<NewCampaign>;
  mailbox?: Partial<NewMailbox>;
}) {
  const db = await getDb();
  const { user, team } = await createUserWithTeam("campaigner");
  await db.update(teams).set({ postalAddress: POSTAL_ADDRESS }).where(eq(teams.id, team.id));
  const hex = randomBytes(4).toString("hex");
  const [mailbox] = await db.insert(mailboxes).values({ teamId: team.id, provider: "local", email: `rep-${hex}@acme.test`, displayName: "Rita Rep", ...ALL_DAY, ...mailboxOverrides }).returning();
  const [sequence] = await db.insert(sequences).values({ teamId: team.id, name: `Sequence ${hex}` }).returning();
  const stepRows = [];
  for (const [position, spec] of steps.entries()) {
    const [step] = await db
      .insert(sequenceSteps)
      .values({ teamId: team.id, sequenceId: sequence.id, position, delayMinutes: spec.delayMinutes ?? 0, condition: spec.condition ?? (position === 0 ? "always" : "no_reply"), sameThread: spec.sameThread ?? true })
      .returning();
    const variants = spec.variants ?? [{ label: "A", subject: position === 0 ? "Quick idea for {{company|your team}}" : null, body: `<p>Hi {{first_name|there}}, step ${position + 1}.</p>` }];
    const variantRows = await db
      .insert(sequenceStepVariants)
      .values(variants.map((v) => ({ teamId: team.id, stepId: step.id, label: v.label, subject: v.subject, bodyHtml: v.body, weight: v.weight ?? 1 })))
      .returning();
    stepRows.push({ ...step, variants: variantRows });
  }
  const leadRows = leadSpecs.length
    ? await db
        .insert(leads)
        .values(leadSpecs.map((l, i) => ({ teamId: team.id, email: `lead${i}-${hex}@example.org`, firstName: `Lead${i}`, company: "Example Org", ...l })))
        .returning()
    : [];
  const [campaign] = await db
    .insert(campaigns)
    .values({ teamId: team.id, name: `Campaign ${hex}`, sequenceId: sequence.id, scheduleDays: [0, 1, 2, 3, 4, 5, 6], scheduleStartMinute: 0, scheduleEndMinute: 1440, timezoneMode: "fixed", timezone: "UTC", ...campaignOverrides })
    .returning();
  await db.insert(campaignMailboxes).values({ teamId: team.id, campaignId: campaign.id, mailboxId: mailbox.id });
  return { user, team, mailbox, sequence, steps: stepRows, leads: leadRows, campaign };
}

/** What the local outbox received for an address, oldest first (a local mailbox's sends land there). */
export async function outboxTo(address: string) {
  const db = await getDb();
  return db.select().from(outboxMessages).where(eq(outboxMessages.to, address)).orderBy(asc(outboxMessages.createdAt));
}

/** A lead's enrolment in a campaign, as it stands now. */
export async function enrolmentOf(campaignId: string, leadId: string) {
  const db = await getDb();
  const [row] = await db.select().from(campaignEnrolments).where(and(eq(campaignEnrolments.campaignId, campaignId), eq(campaignEnrolments.leadId, leadId)));
  return row;
}
