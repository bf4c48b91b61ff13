// The rep confirmed the mapping: check it against the file's columns, mark the import running, queue the job.
import "server-only";
import { and, eq } from "drizzle-orm";
import { leadImports, type LeadImportMapping } from "@/db/schema/leads";
import { sendEvent } from "@/inngest/events";
import { AppError } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { getLeadImport } from "./get-lead-import";
import { IGNORE, isLeadImportField, LEAD_IMPORT_FIELD_LABELS } from "./lead-import-fields";
import type { StartLeadImportInput } from "./start-lead-import.schema";

/** Field errors keyed like the form's selects ("columns.3"); empty when the mapping can run. */
export function checkMapping(headers: string[], columns: string[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  if (columns.length !== headers.length) return { columns: ["The file's columns changed; reload the page and map them again."] };
  const emailColumns = columns.filter((c) => c === "email").length;
  if (emailColumns === 0) fields.columns = ["Map one column to Email: every lead needs an address."];
  const firstUse = new Map<string, number>();
  columns.forEach((target, i) => {
    if (!isLeadImportField(target)) return;
    const first = firstUse.get(target);
    if (first === undefined) firstUse.set(target, i);
    else (fields[`columns.${i}`] ??= []).push(`"${headers[first]}" is already mapped to ${LEAD_IMPORT_FIELD_LABELS[target]}; choose another field or Ignore.`);
  });
  return fields;
}

export async function startLeadImport({ teamId, userId, input }: { teamId: string; userId: string | null; input: StartLeadImportInput }) {
  const importId = await teamScope(teamId, async (tx) => {
    const current = await getLeadImport({ teamId, importId: input.importId, db: tx });
    // Locks the row so two clicks on "Start import" queue one job.
    const [locked] = await tx
      .select({ status: leadImports.status })
      .from(leadImports)
      .where(and(eq(leadImports.teamId, teamId), eq(leadImports.id, current.id)))
      .for("update");
    if (locked.status !== "pending") throw new AppError("conflict", "This import has already started.");
    const problems = checkMapping(current.headers, input.columns);
    if (Object.keys(problems).length) throw new AppError("invalid_input", "Please fix the highlighted columns.", { fields: problems });
    const mapping: LeadImportMapping = Object.fromEntries(current.headers.map((h, i) => [h, input.columns[i] ?? IGNORE]));
    await tx
      .update(leadImports)
      .set({ status: "running", mapping, duplicatePolicy: input.duplicatePolicy, tags: input.tags, startedAt: new Date() })
      .where(and(eq(leadImports.teamId, teamId), eq(leadImports.id, current.id)));
    return current.id;
  });
  // After the commit (the embedded executor may share this database connection); the event id makes a resend harmless.
  try {
    await sendEvent("leads/import.requested", { teamId, importId, userId }, { id: `lead-import-${importId}` });
  } catch (error) {
    await teamScope(teamId, (tx) =>
      tx.update(leadImports).set({ status: "pending", startedAt: null }).where(and(eq(leadImports.teamId, teamId), eq(leadImports.id, importId))),
    );
    throw new AppError("unavailable", "The import could not be queued. Try again in a moment.", { cause: error });
  }
  return { importId };
}
