// The mailbox page's health and inbox panel: why it is paused (if it is), bounce and complaint rates against
// the limits, and how replies reach us for this provider, with the last sync.
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Mailbox } from "@/db/schema/mailboxes";
import { MAILBOX_HEALTH_RULES, type MailboxHealthReport } from "@/lib/mailboxes/mailbox-health";
import { MailboxInboundControls } from "./mailbox-inbound-controls";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(2)}%`);

function replyPath(mailbox: Mailbox): string {
  switch (mailbox.provider) {
    case "gmail":
      return "Replies are read from Gmail (history since the last sync) every 2 minutes, and the thread is re-read just before each follow-up.";
    case "outlook":
      return "Replies are read from Outlook (Microsoft Graph delta on the inbox) every 2 minutes, and the conversation is re-read just before each follow-up.";
    case "smtp":
      return "Replies are read over IMAP (new messages since the last seen UID) every 2 minutes and just before each follow-up, when incoming-mail settings were given.";
    case "resend":
      return "Replies, bounces and complaints arrive from Resend's webhook as they happen.";
    default:
      return "The local outbox has no real inbox: open a sent message in the outbox and write a reply as the recipient to try the inbox.";
  }
}

export function MailboxHealthCard({ teamSlug, mailbox, health, canManage }: { teamSlug: string; mailbox: Mailbox; health: MailboxHealthReport; canManage: boolean }) {
  const { bounce, complaint, windowDays } = MAILBOX_HEALTH_RULES;
  return (
    <Card className="mt-4">
      <CardHeader>
        <CardTitle>Health and replies</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        {mailbox.status === "paused" && mailbox.statusReason ? (
          <Alert variant="destructive">
            <AlertTitle>Paused: this mailbox is not sending</AlertTitle>
            <AlertDescription>{mailbox.statusReason}</AlertDescription>
          </Alert>
        ) : health.state === "warning" ? (
          <Alert>
            <AlertTitle>Close to being paused</AlertTitle>
            <AlertDescription>{health.reasons.join(" ")}</AlertDescription>
          </Alert>
        ) : null}
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4">
          <div><dt className="text-muted-foreground">Sent ({windowDays} days)</dt><dd className="font-medium">{health.sent}</dd></div>
          <div><dt className="text-muted-foreground">Hard bounces</dt><dd className="font-medium">{health.bounces} · {pct(health.bounceRate)}</dd></div>
          <div><dt className="text-muted-foreground">Spam complaints</dt><dd className="font-medium">{health.complaints} · {pct(health.complaintRate)}</dd></div>
          <div><dt className="text-muted-foreground">Verdict</dt><dd className="font-medium" data-testid="health-state">{{ ok: "Healthy", warning: "Warning", pause: "Over the limits", too_few_sends: "Too few sends to judge" }[health.state]}</dd></div>
        </dl>
        <p className="text-muted-foreground">
          Pauses at {pct(bounce.pauseRate)} hard bounces (after {bounce.minSent} sends) or {pct(complaint.pauseRate)} complaints (after {complaint.minSent} sends); warns at{" "}
          {pct(bounce.warnRate)} and {pct(complaint.warnRate)}.
        </p>
        <div className="grid gap-1">
          <p>{replyPath(mailbox)}</p>
          {mailbox.provider === "local" || mailbox.provider === "resend" ? null : <p className="text-muted-foreground">
            Last sync: {mailbox.lastSyncedAt ? mailbox.lastSyncedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never"}
            {mailbox.inboundSyncError ? <span className="text-destructive"> · last attempt failed: {mailbox.inboundSyncError}</span> : null}
          </p>}
        </div>
        <MailboxInboundControls teamSlug={teamSlug} mailboxId={mailbox.id} canSync={mailbox.provider !== "local" && mailbox.provider !== "resend"} canResume={canManage && mailbox.status === "paused"} />
      </CardContent>
    </Card>
  );
}
