import "server-only";
import { and, eq } from "drizzle-orm";
import { templates } from "@/db/schema/templates";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import { assertKnownVariables } from "./known-variables";
import type { TemplateInput } from "./template.schema";
import { isUniqueViolation, templateNameTaken, templateRow } from "./template-row";

/** Editing a template changes only future copies: sequence steps hold their own copy of the content. */
export async function updateTemplate({ teamId, actorUserId, templateId, input }: { teamId: string; actorUserId: string; templateId: string; input: TemplateInput }) {
  try {
    return await teamScope(teamId, async (tx) => {
      const [current] = await tx.select({ archivedAt: templates.archivedAt }).from(templates).where(and(eq(templates.teamId, teamId), eq(templates.id, templateId))).for("update");
      if (!current) throw notFound("That template");
      if (current.archivedAt) throw new AppError("conflict", "This template is archived and can no longer be edited. Duplicate its text into a new template.");
      await assertKnownVariables(tx, teamId, { subject: input.subject, body: input.body });
      const [row] = await tx.update(templates).set(templateRow(input)).where(and(eq(templates.teamId, teamId), eq(templates.id, templateId))).returning();
      await recordAudit(tx, { teamId, actorUserId, action: "templates.updated", targetType: "template", targetId: row.id, metadata: { name: row.name } });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw templateNameTaken(input.name);
    throw error;
  }
}
