import "server-only";
import { and, asc, count, desc, eq, ilike, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { templates } from "@/db/schema/templates";
import { htmlToText } from "@/lib/email/mime/html-to-text";

export const TEMPLATES_PAGE_SIZE = 25;

export async function listTemplates({ teamId, page = 1, search, archived = false, pageSize = TEMPLATES_PAGE_SIZE }: { teamId: string; page?: number; search?: string; archived?: boolean; pageSize?: number }) {
  const db = await getDb();
  const where = and(
    eq(templates.teamId, teamId),
    archived ? isNotNull(templates.archivedAt) : isNull(templates.archivedAt),
    search ? ilike(templates.name, `%${search.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(templates).where(where).orderBy(desc(templates.updatedAt), desc(templates.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(templates).where(where),
  ]);
  return { rows, total };
}

/** Active templates for a picker ("Use template"), by name: the text a step copies in. */
export type TemplateChoice = { id: string; name: string; subject: string; body: string };

export async function listTemplateChoices({ teamId, limit = 200 }: { teamId: string; limit?: number }): Promise<TemplateChoice[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: templates.id, name: templates.name, subject: templates.subject, bodyText: templates.bodyText, bodyHtml: templates.bodyHtml })
    .from(templates)
    .where(and(eq(templates.teamId, teamId), isNull(templates.archivedAt)))
    .orderBy(asc(templates.name))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, name: r.name, subject: r.subject, body: r.bodyText ?? htmlToText(r.bodyHtml) }));
}
