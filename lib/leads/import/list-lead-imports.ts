// The team's recent imports, newest first, a page at a time.
import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { leadImports } from "@/db/schema/leads";

export const IMPORTS_PAGE_SIZE = 20;

export async function listLeadImports({ teamId, page = 1 }: { teamId: string; page?: number }) {
  const db = await getDb();
  const where = eq(leadImports.teamId, teamId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: leadImports.id,
        fileName: leadImports.fileName,
        status: leadImports.status,
        totalRows: leadImports.totalRows,
        processedRows: leadImports.processedRows,
        importedRows: leadImports.importedRows,
        updatedRows: leadImports.updatedRows,
        rejectedRows: leadImports.rejectedRows,
        createdAt: leadImports.createdAt,
      })
      .from(leadImports)
      .where(where)
      .orderBy(desc(leadImports.createdAt), desc(leadImports.id))
      .limit(IMPORTS_PAGE_SIZE)
      .offset((page - 1) * IMPORTS_PAGE_SIZE),
    db.select({ total: count() }).from(leadImports).where(where),
  ]);
  return { rows, total };
}
