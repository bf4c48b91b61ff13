// CSV import of 100,000 leads × 10 columns through the same lib code the import job runs (upload → chunks →
// finish), with peak RSS; baseline: papaparse stream-parsing the same file with no database.
// Run: npx tsx --conditions=react-server bench/import.ts   (DATABASE_URL → that Postgres; unset → PGlite in memory)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
process.env.DATA_DIR ??= path.join(work, "data");
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

/** 10 columns: 8 lead fields and 2 custom ones; every 50th row has a bad address, every 100th repeats an earlier one. */
async function writeCsv(file: string) {
  const out = fs.createWriteStream(file);
  const write = (line: string) => (out.write(line) ? undefined : new Promise<void>((r) => out.once("drain", () => r())));
  await write("Email,First Name,Last Name,Company,Job Title,City,Country,Website,Industry,Employees\n");
  const industries = ["Software", "Banking", "Retail", "Logistics", "Health"];
  for (let i = 1; i <= ROWS; i++) {
    const email = i % 50 === 0 ? `broken-${i}` : i % 100 === 1 && i > 100 ? `lead${i - 50}@example${(i - 50) % 997}.com` : `lead${i}@example${i % 997}.com`;
    await write(`${email},First${i},Last${i},"Company ${i % 5000}, Inc.",Head of Sales,City ${i % 300},Country ${i % 40},example${i % 997}.com,${industries[i % 5]},${(i % 900) + 10}\n`);
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function main() {
  const { readCsvRecords } = await import("@/lib/leads/import/read-csv-records");
  const { saveImportUpload } = await import("@/lib/leads/import/save-import-upload");
  const { runLeadImport } = await import("@/lib/leads/import/run-lead-import");
  const { getDb, database } = await import("@/db");
  const { users } = await import("@/db/schema/auth");
  const { leadImports } = await import("@/db/schema/leads");
  const { createPersonalTeam } = await import("@/lib/teams/create-personal-team");
  const { eq } = await import("drizzle-orm");

  const file = path.join(work, "leads.csv");
  await writeCsv(file);
  const db = await getDb();
  const email = `bench-${Date.now()}@example.com`;
  const [user] = await db.insert(users).values({ email, name: "bench" }).returning();
  const team = await createPersonalTeam(db, { id: user.id, email, name: "bench" });

  // Baseline first, so the import's peak RSS is not flattered by a warm heap.
  let t = performance.now();
  let parsed = 0;
  for await (const _ of readCsvRecords(file)) parsed++;
  const baselineS = (performance.now() - t) / 1000;

  const timer = setInterval(sampleRss, 50);
  sampleRss();
  t = performance.now();
  const { importId } = await saveImportUpload({ teamId: team.id, userId: user.id, fileName: "bench.csv", body: fs.createReadStream(file) });
  const uploadS = (performance.now() - t) / 1000;
  await db.update(leadImports).set({ status: "running", duplicatePolicy: "update", tags: ["bench"] }).where(eq(leadImports.id, importId));
  t = performance.now();
  const totals = await runLeadImport({ teamId: team.id, importId });
  const importS = (performance.now() - t) / 1000;
  clearInterval(timer);
  sampleRss();
  const maxRssKb = process.resourceUsage().maxRSS;

  console.log(`driver=${(await database()).driver}`);
  console.log(`rows=${parsed - 1}`);
  console.log(`created=${totals.created} duplicates=${totals.duplicates} rejected=${totals.rejected}`);
  console.log(`upload_100k_s=${fmt(uploadS)}`);
  console.log(`import_100k_s=${fmt(importS)}`);
  console.log(`import_peak_rss_mb=${fmt(peakRss / 1024 / 1024)}`);
  console.log(`process_max_rss_mb=${fmt(maxRssKb / 1024)}`);
  console.log(`baseline_parse_only_100k_s=${fmt(baselineS)}`);
  await (await database()).close();
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
