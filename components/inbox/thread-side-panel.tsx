// Beside the conversation: who it is, where it came from, what it says (editable), snooze, and the follow-ups
// an intent calls for (add the colleague they named; when they are back from holiday).
import Link from "next/link";
import type { ReplyIntent } from "@/db/schema/emails";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import type { InboxThread } from "@/lib/inbox/get-inbox-thread";
import { IntentForm } from "./intent-form";
import { ReferralLeadForm } from "./referral-lead-form";
import { SnoozeForm } from "./snooze-form";
import type { BoundAction } from "./use-team-action";

export type ThreadActions = {
  intent: BoundAction<{ intent: ReplyIntent | null }>;
  snooze: BoundAction<{ snoozedUntil: string | null }>;
  referral: BoundAction<{ id: string; email: string }>;
};

export function ThreadSidePanel({ thread, teamSlug, actions }: { thread: InboxThread; teamSlug: string; actions: ThreadActions }) {
  const { reply, lead, campaign, enrolment, mailbox } = thread;
  const leadName = lead ? [lead.firstName, lead.lastName].filter(Boolean).join(" ") || lead.email : reply.fromAddress;
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={2}>Details</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <dl className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-3 gap-y-1.5">
          <dt className="text-muted-foreground">Lead</dt>
          <dd className="break-all">
            {lead ? <Link className="underline underline-offset-4" href={`/${teamSlug}/leads/${lead.id}`}>{leadName}</Link> : <span>{reply.fromAddress} (not a lead)</span>}
            {lead?.company ? <div className="text-xs text-muted-foreground">{lead.company}</div> : null}
          </dd>
          <dt className="text-muted-foreground">Campaign</dt>
          <dd>{campaign ? <Link className="underline underline-offset-4" href={`/${teamSlug}/campaigns/${campaign.id}`}>{campaign.name}</Link> : "—"}</dd>
          <dt className="text-muted-foreground">Sequence</dt>
          <dd data-testid="enrolment-status">{enrolment ? `${enrolment.status[0].toUpperCase()}${enrolment.status.slice(1)}` : "Not in a sequence"}</dd>
          <dt className="text-muted-foreground">Mailbox</dt>
          <dd className="break-all">{mailbox ? mailbox.email : "Removed"}</dd>
        </dl>
        <Separator />
        <IntentForm emailId={reply.id} intent={reply.intent} source={reply.intentSource} action={actions.intent} />
        {reply.intent === "out_of_office" ? (
          <p className="rounded-md border bg-muted/40 p-2" data-testid="return-date">
            {reply.returnDate ? <>Back on <span className="font-medium">{reply.returnDate}</span>.</> : "They did not say when they are back."}
          </p>
        ) : null}
        {reply.intent === "wrong_person" && reply.referralEmail ? (
          <ReferralLeadForm emailId={reply.id} referral={reply.referralEmail} teamSlug={teamSlug} action={actions.referral} />
        ) : null}
        <Separator />
        <SnoozeForm emailId={reply.id} snoozedUntil={reply.snoozedUntil?.toISOString() ?? null} action={actions.snooze} />
      </CardContent>
    </Card>
  );
}
