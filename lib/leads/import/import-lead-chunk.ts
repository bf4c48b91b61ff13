// One chunk of an import (rows start+1 … start+CHUNK_ROWS): the unit a job step runs and memoises.
// The chunk re-reads the file from the top, replaying earlier rows only to know which addresses came first,
// then validates, de-duplicates and upserts its own rows in batches, writing absolute totals after each batch,
// so a retried chunk rewrites the same numbers instead of adding to them.
import "server-only";
import fs from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { leadImports, type LeadImportError } from "@/db/schema/leads";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { getLeadImport } from "./get-lead-import";
import { fileKeyPath, rejectedPartPath } from "./import-files";
import { importLeadBatch, type BatchRow } from "./import-lead-batch";
import { importRowSchema, rowRejectionReason } from "./import-row.schema";
import { mapCsvRow, planColumns } from "./map-csv-row";
import { readCsvRecords } from "./read-csv-records";
import { csvRow } from "@/lib/leads/csv-cell";

export const CHUNK_ROWS = 20_000;
export const BATCH_ROWS = 1_000;
export const MAX_STORED_ERRORS = 1_000;
export const SUPPRESSED_REASON = "on the suppression list";

export type ImportTotals = { processed: number; created: number; updated: number; skipped: number; duplicates: number; rejected: number };
export const NO_ROWS: ImportTotals = { processed: 0, created: 0, updated: 0, skipped: 0, duplicates: 0, rejected: 0 };

// The addresses claimed up to the end of the last chunk this process ran, per import: the next chunk on the
// same process starts from it instead of re-validating every earlier row. Any other case (a retry, another
// process) rebuilds it from the file, so the result never depends on this cache.
const carried = new Map<string, { row: number; seen: Set<string> }>();

export function forgetCarriedAddresses(importId: string) {
  carried.delete(importId);
}

type Rejected = { row: number; cells: string[]; reason: string; email?: string };

export async function importLeadChunk({
  teamId,
  importId,
  chunk,
  base,
  chunkRows = CHUNK_ROWS,
}: {
  teamId: string;
  importId: string;
  chunk: number;
  base: ImportTotals;
  chunkRows?: number;
}): Promise<{ totals: ImportTotals; done: boolean }> {
  const job = await getLeadImport({ teamId, importId });
  if (job.status !== "running") throw new AppError("conflict", `This import is ${job.status}, not running.`);
  if (!job.fileKey || !fs.existsSync(fileKeyPath(job.fileKey))) throw new AppError("unavailable", "The uploaded file is no longer on the server; upload it again.");
  const plan = planColumns(job.headers, job.mapping);
  const start = chunk * chunkRows;
  const end = start + chunkRows;
  const totals = { ...base };
  const cached = carried.get(importId);
  carried.delete(importId);
  const seen = cached?.row === start ? cached.seen : new Set<string>();
  const replay = cached?.row !== start;
  const errorRoom = Math.max(0, MAX_STORED_ERRORS - Math.min(base.rejected, MAX_STORED_ERRORS));
  const chunkErrors: LeadImportError[] = [];
  const partPath = rejectedPartPath(importId, chunk);
  await fs.promises.rm(partPath, { force: true });
  let part: fs.WriteStream | null = null;

  let pending: BatchRow[] = [];
  let rejected: Rejected[] = [];
  const flush = async () => {
    const batchRows = pending.length + rejected.length;
    await teamScope(teamId, async (tx) => {
      const r = await importLeadBatch(tx, { teamId, importId, policy: job.duplicatePolicy, tags: job.tags, rows: pending });
      for (const s of r.suppressed) rejected.push({ row: s.row, cells: s.cells, reason: SUPPRESSED_REASON, email: s.lead.email });
      rejected.sort((a, b) => a.row - b.row);
      for (const x of rejected) if (chunkErrors.length < errorRoom) chunkErrors.push({ row: x.row, message: x.reason, ...(x.email ? { email: x.email } : {}) });
      totals.created += r.created;
      totals.updated += r.updated;
      totals.skipped += r.skipped;
      totals.rejected += rejected.length;
      totals.processed += batchRows;
      await tx
        .update(leadImports)
        .set({
          processedRows: totals.processed,
          importedRows: totals.created,
          updatedRows: totals.updated,
          skippedRows: totals.skipped,
          duplicateRows: totals.duplicates,
          rejectedRows: totals.rejected,
          // Earlier chunks' errors stay; this chunk's are replaced whole, so a retry never lists a row twice.
          errors: sql`(select coalesce(jsonb_agg(e order by (e->>'row')::int), '[]'::jsonb) from jsonb_array_elements(${leadImports.errors}) e where (e->>'row')::int <= ${start}) || ${JSON.stringify(chunkErrors)}::jsonb`,
        })
        .where(and(eq(leadImports.teamId, teamId), eq(leadImports.id, importId)));
    });
    if (rejected.length) {
      part ??= fs.createWriteStream(partPath, { flags: "w" });
      for (const x of rejected) part.write(csvRow([...x.cells, x.reason]));
    }
    pending = [];
    rejected = [];
  };

  let row = -1; // the header is row 0
  let done = true;
  for await (const cells of readCsvRecords(fileKeyPath(job.fileKey))) {
    row++;
    if (row === 0) continue;
    if (row > end) {
      done = false;
      break;
    }
    if (row <= start) {
      if (!replay) continue;
      // Replayed only to know which addresses earlier rows already claimed: first occurrence wins.
      const earlier = importRowSchema.safeParse(mapCsvRow(cells, plan));
      if (earlier.success) seen.add(earlier.data.email);
      continue;
    }
    const parsed = importRowSchema.safeParse(mapCsvRow(cells, plan));
    if (!parsed.success) rejected.push({ row, cells, reason: rowRejectionReason(parsed.error) });
    else if (seen.has(parsed.data.email)) {
      totals.duplicates++;
      totals.processed++;
    } else {
      seen.add(parsed.data.email);
      pending.push({ row, cells, lead: parsed.data });
    }
    if (pending.length + rejected.length >= BATCH_ROWS) await flush();
  }
  await flush();
  if (part) await new Promise<void>((resolve, reject) => part!.end((error?: Error | null) => (error ? reject(error) : resolve())));
  if (!done) carried.set(importId, { row: end, seen });
  return { totals, done };
}
