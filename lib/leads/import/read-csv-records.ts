// Streams a CSV file from disk record by record (papaparse on a read stream): memory stays flat whatever the size.
import fs from "node:fs";
import Papa from "papaparse";

/** Yields each non-empty record as its cells; the byte-order mark, if any, is dropped. Stops reading when the caller breaks. */
export async function* readCsvRecords(filePath: string): AsyncGenerator<string[]> {
  // utf8 decoding in the read stream, so a character split across chunks is never garbled.
  const input = fs.createReadStream(filePath, { encoding: "utf8", highWaterMark: 256 * 1024 });
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: "greedy" }) as NodeJS.ReadWriteStream;
  input.on("error", (error) => parser.emit("error", error));
  input.pipe(parser);
  let first = true;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (first && record.length > 0) {
        record[0] = record[0].replace(/^\uFEFF/, "");
        first = false;
      }
      yield record;
    }
  } finally {
    input.unpipe(parser);
    input.destroy();
    (parser as unknown as { destroy(): void }).destroy();
  }
}
