import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { teams } from "@/db/schema/teams";
import { recordAudit } from "@/lib/audit/record-audit";
import type { updateTeamSettingsSchema } from "./update-team-settings.schema";
import { teamScope } from "./team-scope";

export async function updateTeamSettings({ teamId, actorUserId, input }: { teamId: string; actorUserId: string; input: z.infer<typeof updateTeamSettingsSchema> }) {
  return teamScope(teamId, async (tx) => {
    await tx.update(teams).set({ name: input.name, postalAddress: input.postalAddress, trackingDomain: input.trackingDomain }).where(eq(teams.id, teamId));
    await recordAudit(tx, { teamId, actorUserId, action: "team.settings_updated", targetType: "team", targetId: teamId, metadata: { name: input.name } });
  });
}
