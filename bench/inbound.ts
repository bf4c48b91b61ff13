// Benchmark: inbound mail through the one ingest door — parse, store, match by In-Reply-To, classify (offline
// rules), stop the lead's enrolments and wake their runs — per message, sequentially, as a mailbox sync does.
// Baseline, same run: parsing the same raw messages only (mailparser), no database.
//
//   npx tsx --conditions=react-server bench/inbound.ts [--messages=500]
// Uses DATABASE_URL (a scratch database is created and dropped) or, without it, PGlite in memory.
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/query-rows";
import { useScratchDatabase } from "./use-scratch-database";

const MESSAGES = Number(process.argv.find((a) => a.startsWith("--messages="))?.split("=")[1] ?? 500);
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const { drop } = await useScratchDatabase("bench_inbound");

  const { getDb } = await import("@/db");
  const { emails } = await import("@/db/schema/emails");
  const { startEmbeddedJobs } = await import("@/tests/support/jobs-app-server");
  const { createCampaignFixture } = await import("@/tests/support/campaign-fixtures");
  const { rawReply } = await import("@/tests/support/raw-mail");
  const { parseRawMessage } = await import("@/lib/inbound/inbound-message");
  const { ingestRawMessage } = await import("@/lib/inbound/ingest-inbound-message");

  const db = await getDb();
  const jobs = await startEmbeddedJobs();
  const f = await createCampaignFixture({ steps: [{ delayMinutes: 0 }], leads: [] });
  // Leads, enrolments and the step-1 emails they answer, written directly: the bench times the inbound side only.
  await db.execute(sql`insert into leads (team_id, email, first_name) select ${f.team.id}::uuid, 'lead' || g || '@bench.example', 'Lead' || g from generate_series(1, ${MESSAGES}) g`);
  await db.execute(sql`insert into campaign_enrolments (team_id, campaign_id, lead_id, current_step_position, assigned_mailbox_id)
    select team_id, ${f.campaign.id}::uuid, id, 1, ${f.mailbox.id}::uuid from leads where team_id = ${f.team.id}::uuid`);
  await db.execute(sql`insert into emails (team_id, direction, status, enrolment_id, campaign_id, lead_id, step_position, mailbox_id, from_address, to_addresses, subject, message_id, sent_at)
    select e.team_id, 'outbound', 'sent', e.id, e.campaign_id, e.lead_id, 0, ${f.mailbox.id}::uuid, ${f.mailbox.email}, array[l.email], 'Quick idea', '<bench-' || l.id || '@acme.test>', now()
    from campaign_enrolments e join leads l on l.id = e.lead_id where e.campaign_id = ${f.campaign.id}::uuid`);
  const sent = await db.select({ to: emails.toAddresses, messageId: emails.messageId }).from(emails).where(eq(emails.campaignId, f.campaign.id));
  const raws = sent.map((s) => rawReply({ from: s.to[0], to: f.mailbox.email, inReplyTo: s.messageId, text: "Thanks, but we are all set for this year." }));

  const parseTimes: number[] = [];
  for (const raw of raws) {
    const t = performance.now();
    await parseRawMessage(raw);
    parseTimes.push(performance.now() - t);
  }

  const times: number[] = [];
  const started = performance.now();
  for (const [i, raw] of raws.entries()) {
    const t = performance.now();
    const result = await ingestRawMessage({ teamId: f.team.id, mailboxId: f.mailbox.id, inbound: { providerMessageId: `bench-${i}`, raw } });
    if (result.kind !== "reply" || !result.leadId) throw new Error(`message ${i} was not matched as a reply: ${JSON.stringify(result)}`);
    times.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  const [{ stopped }] = await queryRows<{ stopped: number }>(db, sql`select count(*)::int as stopped from campaign_enrolments where campaign_id = ${f.campaign.id}::uuid and status = 'replied'`);
  if (stopped !== MESSAGES) throw new Error(`${stopped} of ${MESSAGES} enrolments stopped`);

  times.sort((a, b) => a - b);
  parseTimes.sort((a, b) => a - b);
  console.log(`messages=${MESSAGES}`);
  console.log(`ingest_p50_ms=${fmt(pct(times, 50))}`);
  console.log(`ingest_p99_ms=${fmt(pct(times, 99))}`);
  console.log(`ingest_messages_per_s=${fmt(MESSAGES / seconds)}`);
  console.log(`baseline_parse_only_p50_ms=${fmt(pct(parseTimes, 50))}`);
  await jobs.close();
  await drop();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
