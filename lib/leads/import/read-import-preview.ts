// The header and first rows of an uploaded file: what the mapping screen shows and the upload checks.
import { readCsvRecords } from "./read-csv-records";

export const PREVIEW_ROWS = 5;

/** Header names made unique and non-empty, so a mapping keyed by header name is unambiguous. */
export function uniqueHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const name = h.trim() || `Column ${i + 1}`;
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** Reads only as far as the first PREVIEW_ROWS records after the header. */
export async function readImportPreview(filePath: string): Promise<{ headers: string[]; rows: string[][] }> {
  const records: string[][] = [];
  for await (const record of readCsvRecords(filePath)) {
    records.push(record);
    if (records.length > PREVIEW_ROWS) break;
  }
  return { headers: uniqueHeaders(records[0] ?? []), rows: records.slice(1) };
}
