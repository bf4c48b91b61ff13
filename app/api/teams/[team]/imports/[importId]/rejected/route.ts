// Download an import's rejected rows (original columns + reason) as CSV, streamed from disk.
import fs from "node:fs";
import { Readable } from "node:stream";
import { withTeam } from "@/lib/auth/with-team";
import { notFound } from "@/lib/errors";
import { getLeadImport } from "@/lib/leads/import/get-lead-import";
import { rejectedFilePath } from "@/lib/leads/import/import-files";

export const GET = withTeam(
  async (_req, ctx) => {
    const job = await getLeadImport({ teamId: ctx.teamId, importId: String(ctx.params.importId) });
    const file = rejectedFilePath(job.id);
    if (!fs.existsSync(file)) throw notFound("A rejected-rows file for this import");
    const name = job.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_");
    return new Response(Readable.toWeb(fs.createReadStream(file)) as ReadableStream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}-rejected.csv"`,
        "cache-control": "private, no-store",
      },
    });
  },
  { permission: "data:read" },
);
