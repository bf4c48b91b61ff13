"use server";
// The header bell's action; it lives beside the inbox because most notifications point into it.

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/team-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { markNotificationsReadSchema } from "@/lib/notifications/mark-notifications-read.schema";

export const markNotificationsReadAction = teamAction({ name: "markNotificationsRead", schema: markNotificationsReadSchema, permission: "data:read" }, async ({ input, ctx }) => {
  const result = await markNotificationsRead({ teamId: ctx.teamId, userId: ctx.user.id, input });
  revalidatePath(`/${ctx.team.slug}`, "layout");
  return result;
});
