"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sendEvent } from "@/inngest/events";
import { teamAction } from "@/lib/auth/team-action";
import { cancelRun } from "@/lib/jobs/dashboard/cancel-run";
import { replayRun } from "@/lib/jobs/dashboard/replay-run";

const runIdSchema = z.object({ runId: z.uuid("Unknown run.") });

export const cancelRunAction = teamAction({ name: "cancelRun", schema: runIdSchema, permission: "jobs:view" }, async ({ input, ctx }) => {
  await cancelRun({ teamId: ctx.teamId, runId: input.runId });
  revalidatePath(`/${ctx.team.slug}/jobs`, "layout");
  return null;
});

export const replayRunAction = teamAction({ name: "replayRun", schema: runIdSchema, permission: "jobs:view" }, async ({ input, ctx }) => {
  const replay = await replayRun({ teamId: ctx.teamId, runId: input.runId });
  revalidatePath(`/${ctx.team.slug}/jobs`, "layout");
  return replay;
});

// The test event always goes to the signed-in user's own address: nothing here mails anyone else.
export const sendTestEmailAction = teamAction({ name: "sendTestEmail", schema: z.object({}), permission: "jobs:view" }, async ({ ctx }) => {
  await sendEvent("jobs/test-email.requested", { teamId: ctx.teamId, userId: ctx.user.id, to: ctx.user.email });
  revalidatePath(`/${ctx.team.slug}/jobs`);
  return { to: ctx.user.email };
});
