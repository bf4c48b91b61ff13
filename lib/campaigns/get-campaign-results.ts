// Campaign results: the funnel for the whole campaign, per step and per A/B variant, with each step's winner on replies.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/query-rows";
import { campaigns } from "@/db/schema/campaigns";
import { sequenceSteps, sequenceStepVariants } from "@/db/schema/sequences";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { judgeAbTest, type AbVerdict } from "./ab-winner";

type Counts = { sent: number; opened: number; clicked: number; replied: number; positive: number; bounced: number; unsubscribed: number };
export type Rates = { openRate: number; clickRate: number; replyRate: number; bounceRate: number };
export type VariantResult = Counts & Rates & { variantId: string | null; label: string };
export type StepResult = Counts & Rates & { position: number; variants: VariantResult[]; verdict: AbVerdict };
export type CampaignTotals = Counts & Rates & { enrolled: number; active: number; contacted: number };

const ZERO: Counts = { sent: 0, opened: 0, clicked: 0, replied: 0, positive: 0, bounced: 0, unsubscribed: 0 };
const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
const withRates = <T extends Counts>(c: T, replyBase = c.sent): T & Rates => ({
  ...c,
  openRate: ratio(c.opened, c.sent),
  clickRate: ratio(c.clicked, c.sent),
  replyRate: ratio(c.replied, replyBase),
  bounceRate: ratio(c.bounced, c.sent),
});
const add = (a: Counts, b: Counts): Counts => ({
  sent: a.sent + b.sent,
  opened: a.opened + b.opened,
  clicked: a.clicked + b.clicked,
  replied: a.replied + b.replied,
  positive: a.positive + b.positive,
  bounced: a.bounced + b.bounced,
  unsubscribed: a.unsubscribed + b.unsubscribed,
});

export async function getCampaignResults({ teamId, campaignId }: { teamId: string; campaignId: string }) {
  return teamScope(teamId, async (tx) => {
    const [campaign] = await tx.select({ sequenceId: campaigns.sequenceId }).from(campaigns).where(and(eq(campaigns.teamId, teamId), eq(campaigns.id, campaignId))).limit(1);
    if (!campaign) throw notFound("That campaign");

    const [enrolment] = await queryRows<Omit<CampaignTotals, keyof Rates | "sent" | "opened" | "clicked">>(
      tx,
      sql`select count(*)::int as "enrolled",
          (count(*) filter (where e.status = 'active'))::int as "active",
          (count(*) filter (where r.sent))::int as "contacted",
          (count(*) filter (where e.status = 'replied' or r.replied))::int as "replied",
          (count(*) filter (where (e.status = 'replied' or r.replied) and l.status = 'interested'))::int as "positive",
          (count(*) filter (where e.status = 'bounced' or r.bounced))::int as "bounced",
          (count(*) filter (where e.status = 'unsubscribed'))::int as "unsubscribed"
        from campaign_enrolments e
        left join leads l on l.id = e.lead_id
        left join (
          select enrolment_id, bool_or(sent_at is not null) as sent, bool_or(replied_at is not null) as replied, bool_or(bounced_at is not null) as bounced
          from emails where team_id = ${teamId} and campaign_id = ${campaignId} and direction = 'outbound' group by enrolment_id
        ) r on r.enrolment_id = e.id
        where e.team_id = ${teamId} and e.campaign_id = ${campaignId}`,
    );

    const groups = await queryRows<Counts & { position: number; variantId: string | null }>(
      tx,
      sql`select em.step_position as "position", em.variant_id as "variantId",
          (count(*) filter (where em.sent_at is not null))::int as "sent",
          (count(*) filter (where em.sent_at is not null and em.first_opened_at is not null))::int as "opened",
          (count(*) filter (where em.sent_at is not null and em.first_clicked_at is not null))::int as "clicked",
          (count(*) filter (where em.replied_at is not null))::int as "replied",
          (count(*) filter (where em.replied_at is not null and l.status = 'interested'))::int as "positive",
          (count(*) filter (where em.bounced_at is not null))::int as "bounced",
          (count(*) filter (where exists (select 1 from email_events ev where ev.email_id = em.id and ev.type = 'unsubscribe')))::int as "unsubscribed"
        from emails em
        left join leads l on l.id = em.lead_id
        where em.team_id = ${teamId} and em.campaign_id = ${campaignId} and em.direction = 'outbound' and em.step_position is not null
        group by em.step_position, em.variant_id`,
    );

    // Every variant of the sequence appears, sent or not, so a new variant shows as 0 rather than missing.
    const variants = campaign.sequenceId
      ? await tx
          .select({ position: sequenceSteps.position, variantId: sequenceStepVariants.id, label: sequenceStepVariants.label })
          .from(sequenceStepVariants)
          .innerJoin(sequenceSteps, eq(sequenceSteps.id, sequenceStepVariants.stepId))
          .where(and(eq(sequenceSteps.teamId, teamId), eq(sequenceSteps.sequenceId, campaign.sequenceId)))
          .orderBy(asc(sequenceSteps.position), asc(sequenceStepVariants.label))
      : [];
    // Emails can point at variants no longer in the sequence (deleted, or the sequence changed): label them from the variant row if it exists.
    const labels = new Map(variants.map((v) => [v.variantId, v.label]));

    const positions = [...new Set([...variants.map((v) => v.position), ...groups.map((g) => g.position)])].sort((a, b) => a - b);
    const steps: StepResult[] = positions.map((position) => {
      const ids = [...new Set([...variants.filter((v) => v.position === position).map((v) => v.variantId), ...groups.filter((g) => g.position === position).map((g) => g.variantId)])];
      const rows: VariantResult[] = ids.map((variantId) => {
        const counts = groups.find((g) => g.position === position && g.variantId === variantId) ?? ZERO;
        const { sent, opened, clicked, replied, positive, bounced, unsubscribed } = counts;
        return withRates({ variantId, label: variantId ? (labels.get(variantId) ?? "Removed variant") : "No variant", sent, opened, clicked, replied, positive, bounced, unsubscribed });
      });
      const total = rows.reduce<Counts>((sum, r) => add(sum, r), ZERO);
      const verdict = judgeAbTest(rows.filter((r) => r.variantId).map((r) => ({ variantId: r.variantId!, sent: r.sent, replied: r.replied })));
      return { ...withRates(total), position, variants: rows, verdict };
    });

    const emailTotals = steps.reduce<Counts>((sum, s) => add(sum, s), ZERO);
    const totals: CampaignTotals = withRates(
      { ...emailTotals, enrolled: enrolment.enrolled, active: enrolment.active, contacted: enrolment.contacted, replied: enrolment.replied, positive: enrolment.positive, bounced: enrolment.bounced, unsubscribed: enrolment.unsubscribed },
      enrolment.contacted,
    );
    // A bounce is per email: the campaign's bounce rate is bounced leads over leads contacted.
    totals.bounceRate = ratio(enrolment.bounced, enrolment.contacted);
    return { totals, steps };
  });
}
export type CampaignResults = Awaited<ReturnType<typeof getCampaignResults>>;
