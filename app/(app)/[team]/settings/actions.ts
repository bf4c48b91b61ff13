"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/team-action";
import { updateTeamSettings } from "@/lib/teams/update-team-settings";
import { updateTeamSettingsSchema } from "@/lib/teams/update-team-settings.schema";

export const updateTeamSettingsAction = teamAction(
  { name: "updateTeamSettings", schema: updateTeamSettingsSchema, permission: "team:settings" },
  async ({ input, ctx }) => {
    await updateTeamSettings({ teamId: ctx.teamId, actorUserId: ctx.user.id, input });
    revalidatePath(`/${ctx.team.slug}`, "layout");
    return null;
  },
);
