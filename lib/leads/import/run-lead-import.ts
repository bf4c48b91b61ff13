// The whole import, chunk after chunk, then the finish. The job passes its step runner so each chunk is a
// memoised step; the benchmark and tests pass nothing and run the same code straight through.
import "server-only";
import { finishLeadImport } from "./finish-lead-import";
import { CHUNK_ROWS, importLeadChunk, NO_ROWS, type ImportTotals } from "./import-lead-chunk";

export type StepRunner = <T>(name: string, fn: () => Promise<T>) => Promise<T>;
const direct: StepRunner = (_name, fn) => fn();

export async function runLeadImport({
  teamId,
  importId,
  step = direct,
  chunkRows = CHUNK_ROWS,
}: {
  teamId: string;
  importId: string;
  step?: StepRunner;
  chunkRows?: number;
}): Promise<ImportTotals> {
  let totals = NO_ROWS;
  for (let chunk = 0; ; chunk++) {
    const base = totals;
    const result = await step(`import-rows-${chunk}`, () => importLeadChunk({ teamId, importId, chunk, base, chunkRows }));
    totals = result.totals;
    if (result.done) break;
  }
  const final = totals;
  return step("finish-import", () => finishLeadImport({ teamId, importId, totals: final }));
}
