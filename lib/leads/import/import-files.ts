// Where an import's files live under the data directory: the upload, and the rejected rows (kept after the import).
import path from "node:path";
import { env } from "@/lib/env";

const IMPORTS_DIR = path.join("uploads", "imports");

export function importsDir(): string {
  return path.resolve(env().DATA_DIR, IMPORTS_DIR);
}

/** The file_key stored on lead_imports: relative to the data directory, so the directory can move. */
export function uploadFileKey(importId: string): string {
  return path.join(IMPORTS_DIR, `${importId}.csv`);
}

export function fileKeyPath(fileKey: string): string {
  return path.resolve(env().DATA_DIR, fileKey);
}

export function rejectedFilePath(importId: string): string {
  return path.join(importsDir(), `${importId}.rejected.csv`);
}

/** One file per chunk, rewritten whole when a chunk is retried, joined when the import finishes. */
export function rejectedPartPath(importId: string, chunk: number): string {
  return path.join(importsDir(), `${importId}.rejected.part-${String(chunk).padStart(5, "0")}.csv`);
}
