"use server";

import { redirect } from "next/navigation";
import { teamAction } from "@/lib/auth/team-action";
import { startLeadImport } from "@/lib/leads/import/start-lead-import";
import { startLeadImportSchema } from "@/lib/leads/import/start-lead-import.schema";

export const startLeadImportAction = teamAction(
  { name: "startLeadImport", schema: startLeadImportSchema, permission: "data:write" },
  async ({ input, ctx }) => {
    const { importId } = await startLeadImport({ teamId: ctx.teamId, userId: ctx.user.id, input });
    redirect(`/${ctx.team.slug}/leads/import/${importId}`);
  },
);
