// Upload → disk → pending import: the file is streamed to the data directory (never held whole in memory),
// its rows counted on the way, its header and first rows read back for the mapping screen.
import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { leadImports } from "@/db/schema/leads";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { guessMapping } from "./guess-mapping";
import { fileKeyPath, importsDir, uploadFileKey } from "./import-files";
import { readImportPreview } from "./read-import-preview";

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** The upload is over the limit: the route answers 413. */
export class ImportTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`That file is larger than ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.ceil(maxBytes / 1024)} KB`}. Split it into smaller files and import each one.`);
  }
}

const notCsv = (why: string) => new AppError("invalid_input", why, { fields: { file: [why] } });

/** Counts bytes and line breaks while the bytes pass through, and stops the stream past the limit. */
function measure(maxBytes: number) {
  const stats = { bytes: 0, newlines: 0, lastByte: -1, head: Buffer.alloc(0) };
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      stats.bytes += chunk.length;
      if (stats.bytes > maxBytes) return done(new ImportTooLargeError(maxBytes));
      if (stats.head.length < 4096) stats.head = Buffer.concat([stats.head, chunk.subarray(0, 4096 - stats.head.length)]);
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) stats.newlines++;
      stats.lastByte = chunk[chunk.length - 1];
      done(null, chunk);
    },
  });
  return { stats, transform };
}

const SPREADSHEET = "That looks like a spreadsheet, not a CSV. Save it as CSV (File → Save as → CSV UTF-8) and upload that.";

function checkLooksLikeText(head: Buffer) {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw notCsv(SPREADSHEET);
  if (head.includes(0)) throw notCsv("That file is not a CSV (it contains binary data). Upload a .csv file with one lead per row.");
}

export async function saveImportUpload({
  teamId,
  userId,
  fileName,
  body,
  maxBytes = MAX_IMPORT_BYTES,
}: {
  teamId: string;
  userId: string | null;
  fileName: string;
  body: Readable;
  maxBytes?: number;
}): Promise<{ importId: string }> {
  const badName = /\.(xlsx?|numbers|ods)$/i.test(fileName)
    ? SPREADSHEET
    : !/\.(csv|txt)$/i.test(fileName) && /\.[a-z0-9]{2,5}$/i.test(fileName)
      ? `"${fileName}" is not a CSV file. Upload a .csv file with one lead per row.`
      : null;
  if (badName) {
    body.resume();
    throw notCsv(badName);
  }
  const importId = randomUUID();
  const fileKey = uploadFileKey(importId);
  const filePath = fileKeyPath(fileKey);
  await fs.promises.mkdir(importsDir(), { recursive: true });
  const { stats, transform } = measure(maxBytes);
  try {
    await pipeline(body, transform, fs.createWriteStream(filePath, { flags: "wx" }));
    checkLooksLikeText(stats.head);
    if (stats.bytes === 0 || stats.head.toString("utf8").trim() === "") throw notCsv("That file is empty. Upload a CSV with a header row and one lead per row.");
    const { headers, rows } = await readImportPreview(filePath);
    if (rows.length === 0) throw notCsv("That file has a header row but no leads under it.");
    const mapping = guessMapping(headers);
    if (!Object.values(mapping).includes("email")) {
      // No header says "email": take the first column whose samples look like addresses, else refuse.
      const column = headers.findIndex((_, i) => rows.some((r) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test((r[i] ?? "").trim())));
      if (column === -1) throw notCsv("No column looks like email addresses. Add a column named \"email\" with one address per row.");
      mapping[headers[column]] = "email";
    }
    const lines = stats.newlines + (stats.lastByte === 10 ? 0 : 1);
    await teamScope(teamId, (tx) =>
      tx.insert(leadImports).values({
        id: importId,
        teamId,
        fileName: fileName.slice(0, 255) || "upload.csv",
        status: "pending",
        totalRows: Math.max(rows.length, lines - 1),
        fileKey,
        fileSizeBytes: stats.bytes,
        headers,
        mapping,
        createdByUserId: userId,
      }),
    );
    return { importId };
  } catch (error) {
    await fs.promises.rm(filePath, { force: true });
    throw error;
  }
}

