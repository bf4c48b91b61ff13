// After a bounce or complaint: is the mailbox still healthy? Over the pause limits it stops sending and the
// team is told why; over the warning limits the team is told once a day.
import "server-only";
import { getMailboxHealth, type MailboxHealthReport } from "./mailbox-health";
import { notifyAboutMailbox } from "./notify-about-mailbox";
import { pauseMailbox } from "./pause-mailbox";

export async function checkMailboxHealth({ teamId, mailboxId, now }: { teamId: string; mailboxId: string; now: Date }): Promise<MailboxHealthReport> {
  const health = await getMailboxHealth({ teamId, mailboxId, now });
  const day = now.toISOString().slice(0, 10);
  if (health.state === "pause") {
    await pauseMailbox({ teamId, mailboxId, reason: `Paused for its sender reputation: ${health.reasons.join(" ")} Resume it once fixed.`, alertKey: `health-pause:${mailboxId}:${day}` });
  } else if (health.state === "warning") {
    await notifyAboutMailbox({ teamId, mailboxId, kind: "mailbox.warning", title: (address) => `${address} is close to being paused`, body: health.reasons.join(" "), dedupeKey: `health-warn:${mailboxId}:${day}`, byEmail: false });
  }
  return health;
}
