import "server-only";
import { and, eq } from "drizzle-orm";
import { templates } from "@/db/schema/templates";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { countTemplateUses } from "./count-template-uses";

/**
 * A template some sequence step was built from is archived (kept, so the step still says where its text came
 * from) and renamed so its name is free again; an unused one is deleted.
 */
export async function archiveTemplate({ teamId, actorUserId, templateId, now = new Date() }: { teamId: string; actorUserId: string; templateId: string; now?: Date }) {
  return teamScope(teamId, async (tx) => {
    const [row] = await tx.select().from(templates).where(and(eq(templates.teamId, teamId), eq(templates.id, templateId))).for("update");
    if (!row) throw notFound("That template");
    const uses = await countTemplateUses({ teamId, templateId, db: tx });
    if (uses === 0) {
      await tx.delete(templates).where(and(eq(templates.teamId, teamId), eq(templates.id, templateId)));
      await recordAudit(tx, { teamId, actorUserId, action: "templates.deleted", targetType: "template", targetId: templateId, metadata: { name: row.name } });
      return { outcome: "deleted" as const, uses };
    }
    if (!row.archivedAt) {
      const name = `${row.name} (archived ${now.toISOString().slice(0, 10)} ${templateId.slice(0, 4)})`;
      await tx.update(templates).set({ archivedAt: now, name }).where(and(eq(templates.teamId, teamId), eq(templates.id, templateId)));
      await recordAudit(tx, { teamId, actorUserId, action: "templates.archived", targetType: "template", targetId: templateId, metadata: { name: row.name, uses } });
    }
    return { outcome: "archived" as const, uses };
  });
}
