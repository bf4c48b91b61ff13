import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createLocalMailbox } from "@/lib/mailboxes/create-local-mailbox";
import { getMailbox, listMailboxes } from "@/lib/mailboxes/list-mailboxes";
import { mailboxSettingsSchema } from "@/lib/mailboxes/mailbox-settings.schema";
import { updateMailboxSettings } from "@/lib/mailboxes/update-mailbox-settings";
import { createUserWithTeam } from "../support/factories";

const form = (mailboxId: string, overrides: Record<string, unknown> = {}) => ({
  mailboxId,
  displayName: "Ada",
  dailyCap: "40",
  minIntervalSeconds: "90",
  jitterSeconds: "30",
  sendingDays: ["1", "3", "5"],
  sendingStart: "08:30",
  sendingEnd: "16:00",
  timezone: "America/New_York",
  warmupEnabled: "on",
  warmupStartPerDay: "5",
  warmupDailyIncrement: "3",
  warmupTarget: "30",
  ...overrides,
});

describe("mailboxes", () => {
  it("stores settings from the form and starts the warmup ramp", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const mailbox = await createLocalMailbox({ teamId: team.id, actorUserId: user.id, input: { email: "rep@acme.test", displayName: null } });
    await updateMailboxSettings({ teamId: team.id, actorUserId: user.id, input: mailboxSettingsSchema.parse(form(mailbox.id)) });

    const saved = await getMailbox({ teamId: team.id, mailboxId: mailbox.id });
    expect(saved).toMatchObject({ dailyCap: 40, minIntervalSeconds: 90, sendingDays: [1, 3, 5], sendingStartMinute: 510, sendingEndMinute: 960, timezone: "America/New_York", warmupEnabled: true, warmupTarget: 30 });
    expect(saved.warmupStartedAt).toBeInstanceOf(Date);
    const [listed] = await listMailboxes({ teamId: team.id });
    expect(listed.health).toEqual({ sentLast24h: 0, capToday: 5, bouncesLast30d: 0 });
  });

  it("explains bad settings field by field", () => {
    const result = mailboxSettingsSchema.safeParse(form("6f1f0a4e-63b4-4c2a-9f0e-2a1f0b4c5d6e", { dailyCap: "0", sendingStart: "18:00", sendingEnd: "09:00", timezone: "Mars/Olympus", sendingDays: [] }));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["dailyCap", "timezone", "sendingDays"]));
  });

  it("refuses the same address twice and hides other teams' mailboxes", async () => {
    const a = await createUserWithTeam("a");
    const b = await createUserWithTeam("b");
    const mailbox = await createLocalMailbox({ teamId: a.team.id, actorUserId: a.user.id, input: { email: "same@acme.test", displayName: null } });
    await expect(createLocalMailbox({ teamId: a.team.id, actorUserId: a.user.id, input: { email: "same@acme.test", displayName: null } })).rejects.toMatchObject({ code: "conflict" });
    const error = await getMailbox({ teamId: b.team.id, mailboxId: mailbox.id }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("not_found");
    await expect(updateMailboxSettings({ teamId: b.team.id, actorUserId: b.user.id, input: mailboxSettingsSchema.parse(form(mailbox.id)) })).rejects.toMatchObject({ code: "not_found" });
    expect(await listMailboxes({ teamId: b.team.id })).toEqual([]);
  });
});
