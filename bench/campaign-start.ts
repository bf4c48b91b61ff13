// Benchmark: start a campaign on 100,000 leads and time it until every first step is scheduled — every lead has
// its enrolment with the first step's due time and mailbox, and the scheduler has handed the first due ones to
// their sequence runs — through the real path: startCampaign → `campaign/started` → the embedded executor → the
// enrol-campaign function (app/api/inngest) → batched INSERT … SELECT. Baseline, same run: one bare
// INSERT … SELECT of the same 100k rows, no job, no batching.
//
//   npx tsx --conditions=react-server bench/campaign-start.ts [--leads=100000]
// Uses DATABASE_URL (a scratch database is created and dropped) or, without it, PGlite in memory.
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/query-rows";
import { useScratchDatabase } from "./use-scratch-database";

const LEADS = Number(process.argv.find((a) => a.startsWith("--leads="))?.split("=")[1] ?? 100_000);
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

async function main() {
  const { drop } = await useScratchDatabase("bench_campaign");

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

  const { getDb } = await import("@/db");
  const { campaigns } = await import("@/db/schema/campaigns");
  const { startEmbeddedJobs } = await import("@/tests/support/jobs-app-server");
  const { createCampaignFixture } = await import("@/tests/support/campaign-fixtures");
  const { startCampaign } = await import("@/lib/campaigns/start-campaign");
  const { runsFor, waitForRunEnd } = await import("@/tests/support/jobs-harness");

  const db = await getDb();
  const jobs = await startEmbeddedJobs();

  const f = await createCampaignFixture({ steps: [{ delayMinutes: 0 }, { delayMinutes: 3 * 24 * 60 }, { delayMinutes: 4 * 24 * 60 }], leads: [], mailbox: { dailyCap: 50 } });
  const seedStart = performance.now();
  await db.execute(sql`insert into leads (team_id, email, first_name, company, tags)
    select ${f.team.id}::uuid, 'lead' || g || '@company' || (g % 5000) || '.example', 'Lead' || g, 'Company ' || (g % 5000), array['bench']
    from generate_series(1, ${LEADS}) g`);
  console.error(`seeded ${LEADS} leads in ${fmt((performance.now() - seedStart) / 1000)} s`);
  peakRss = process.memoryUsage().rss; // measure the start, not the seeding

  const started = performance.now();
  await startCampaign({ teamId: f.team.id, campaignId: f.campaign.id, actorUserId: f.user.id });
  let run;
  for (;;) {
    [run] = await runsFor(db, "sales-copilot-enrol-campaign");
    if (run) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const done = await waitForRunEnd(db, run.id, 600_000);
  const startSeconds = (performance.now() - started) / 1000;
  if (done.status !== "completed") throw new Error(`the enrol run ended ${done.status}: ${JSON.stringify(done.output ?? done.error)}`);
  const [{ enrolled, scheduled }] = await queryRows<{ enrolled: number; scheduled: number }>(
    db,
    sql`select count(*)::int as enrolled, count(next_step_at)::int as scheduled from campaign_enrolments where campaign_id = ${f.campaign.id}::uuid`,
  );
  if (Number(scheduled) !== LEADS) throw new Error(`expected ${LEADS} scheduled enrolments, found ${scheduled} of ${enrolled}`);
  const startRss = peakRss;

  // Baseline: the same rows in one statement, into a second campaign.
  const [copy] = await db.insert(campaigns).values({ teamId: f.team.id, name: "baseline", sequenceId: f.sequence.id }).returning();
  const baseStart = performance.now();
  await db.execute(sql`insert into campaign_enrolments (team_id, campaign_id, lead_id, next_step_at)
    select team_id, ${copy.id}::uuid, id, now() from leads where team_id = ${f.team.id}::uuid`);
  const baselineSeconds = (performance.now() - baseStart) / 1000;
  const [{ count }] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from campaign_enrolments where campaign_id = ${copy.id}::uuid`);

  clearInterval(sampler);
  console.log(`driver=${process.env.DATABASE_URL ? "postgres" : "pglite"}`);
  console.log(`leads=${LEADS}`);
  console.log(`start_100k_s=${fmt(startSeconds)}`);
  console.log(`start_peak_rss_mb=${fmt(startRss / 1024 / 1024)}`);
  console.log(`first_runs_started=${done.output && typeof done.output === "object" ? (done.output as { woken?: number }).woken : "?"}`);
  console.log(`baseline_single_insert_100k_s=${fmt(baselineSeconds)} (rows=${count})`);

  await jobs.close();
  await drop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
