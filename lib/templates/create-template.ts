import "server-only";
import { templates } from "@/db/schema/templates";
import { recordAudit } from "@/lib/audit/record-audit";
import { teamScope } from "@/lib/teams/team-scope";
import { assertKnownVariables } from "./known-variables";
import type { TemplateInput } from "./template.schema";
import { isUniqueViolation, templateNameTaken, templateRow } from "./template-row";

export async function createTemplate({ teamId, actorUserId, input }: { teamId: string; actorUserId: string; input: TemplateInput }) {
  try {
    return await teamScope(teamId, async (tx) => {
      await assertKnownVariables(tx, teamId, { subject: input.subject, body: input.body });
      const [row] = await tx.insert(templates).values({ teamId, createdByUserId: actorUserId, ...templateRow(input) }).returning();
      await recordAudit(tx, { teamId, actorUserId, action: "templates.created", targetType: "template", targetId: row.id, metadata: { name: row.name } });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw templateNameTaken(input.name);
    throw error;
  }
}
