import "server-only";
import { and, eq } from "drizzle-orm";
import { mailboxes } from "@/db/schema/mailboxes";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { teamScope } from "@/lib/teams/team-scope";
import type { MailboxSettingsInput } from "./mailbox-settings.schema";

export async function updateMailboxSettings({ teamId, actorUserId, input }: { teamId: string; actorUserId: string; input: MailboxSettingsInput }) {
  return teamScope(teamId, async (tx) => {
    const [current] = await tx.select().from(mailboxes).where(and(eq(mailboxes.teamId, teamId), eq(mailboxes.id, input.mailboxId))).for("update");
    if (!current) throw notFound("That mailbox");
    await tx
      .update(mailboxes)
      .set({
        displayName: input.displayName,
        dailyCap: input.dailyCap,
        minIntervalSeconds: input.minIntervalSeconds,
        jitterSeconds: input.jitterSeconds,
        sendingDays: [...new Set(input.sendingDays)].sort(),
        sendingStartMinute: input.sendingStart,
        sendingEndMinute: input.sendingEnd,
        timezone: input.timezone,
        warmupEnabled: input.warmupEnabled,
        warmupStartPerDay: input.warmupStartPerDay,
        warmupDailyIncrement: input.warmupDailyIncrement,
        warmupTarget: input.warmupTarget,
        // The ramp starts the day warmup is switched on, and restarts if it is switched off and on again.
        warmupStartedAt: input.warmupEnabled ? (current.warmupEnabled ? current.warmupStartedAt : new Date()) : null,
      })
      .where(eq(mailboxes.id, current.id));
    await recordAudit(tx, { teamId, actorUserId, action: "mailbox.settings_updated", targetType: "mailbox", targetId: current.id });
  });
}
