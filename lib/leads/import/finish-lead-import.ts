// The end of an import: join the chunks' rejected rows into one CSV, record the final totals, drop the upload.
import "server-only";
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { leadImports } from "@/db/schema/leads";
import { teamScope } from "@/lib/teams/team-scope";
import { getLeadImport } from "./get-lead-import";
import { fileKeyPath, importsDir, rejectedFilePath } from "./import-files";
import { forgetCarriedAddresses, type ImportTotals } from "./import-lead-chunk";
import { csvRow } from "@/lib/leads/csv-cell";

async function joinRejectedParts(importId: string, headers: string[]): Promise<void> {
  const prefix = `${importId}.rejected.part-`;
  const parts = (await fs.promises.readdir(importsDir())).filter((f) => f.startsWith(prefix)).sort();
  if (parts.length === 0) return;
  const target = rejectedFilePath(importId);
  const out = fs.createWriteStream(`${target}.tmp`);
  out.write(csvRow([...headers, "reason"]));
  for (const name of parts) {
    for await (const chunk of fs.createReadStream(`${importsDir()}/${name}`)) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await fs.promises.rename(`${target}.tmp`, target);
  await Promise.all(parts.map((name) => fs.promises.rm(`${importsDir()}/${name}`, { force: true })));
}

export async function finishLeadImport({ teamId, importId, totals }: { teamId: string; importId: string; totals: ImportTotals }) {
  const job = await getLeadImport({ teamId, importId });
  await joinRejectedParts(importId, job.headers);
  await teamScope(teamId, (tx) =>
    tx
      .update(leadImports)
      .set({ status: "completed", totalRows: totals.processed, processedRows: totals.processed, fileKey: null, finishedAt: new Date() })
      .where(and(eq(leadImports.teamId, teamId), eq(leadImports.id, importId))),
  );
  if (job.fileKey) await fs.promises.rm(fileKeyPath(job.fileKey), { force: true });
  return totals;
}

/** A fatal error: the import stops with the reason; leads written by finished chunks stay. */
export async function failLeadImport({ teamId, importId, message }: { teamId: string; importId: string; message: string }) {
  forgetCarriedAddresses(importId);
  const job = await getLeadImport({ teamId, importId });
  if (job.status === "completed") return;
  await joinRejectedParts(importId, job.headers).catch(() => undefined);
  await teamScope(teamId, (tx) =>
    tx
      .update(leadImports)
      .set({
        status: "failed",
        finishedAt: new Date(),
        errors: [{ row: 0, message: `The import stopped: ${message.slice(0, 500)}` }, ...job.errors].slice(0, 1001),
      })
      .where(and(eq(leadImports.teamId, teamId), eq(leadImports.id, importId))),
  );
}
