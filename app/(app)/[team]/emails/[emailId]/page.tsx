import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { SendRecordCard } from "@/components/emails/send-record-card";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { formatTime, RunStatusBadge } from "@/components/jobs/run-status-badge";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { getEmailTimeline } from "@/lib/emails/get-email-timeline";

export const metadata: Metadata = { title: "Email" };

const LABEL: Record<string, string> = { open: "Opened", click: "Clicked", reply: "Replied", bounce: "Bounced", unsubscribe: "Unsubscribed", complaint: "Marked as spam", delivered: "Delivered", deferred: "Deferred" };

export default async function EmailPage({ params }: { params: Promise<{ team: string; emailId: string }> }) {
  const { team: slug, emailId } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/emails/${emailId}`);
  if (!z.uuid().safeParse(emailId).success) notFound();
  const timeline = await getEmailTimeline({ teamId: ctx.teamId, emailId });
  if (!timeline) notFound();
  const { email, events } = timeline;
  const entries = [
    { key: "queued", at: email.createdAt, label: "Queued", detail: email.scheduledFor ? `slot ${formatTime(email.scheduledFor)}` : null, machine: false },
    ...(email.sentAt ? [{ key: "sent", at: email.sentAt, label: "Sent", detail: email.providerMessageId ? `provider id ${email.providerMessageId}` : null, machine: false }] : []),
    ...events.map((e) => ({ key: e.id, at: e.occurredAt, label: LABEL[e.type] ?? e.type, detail: e.destination ?? (typeof e.metadata.machineReason === "string" ? e.metadata.machineReason : null), machine: e.isMachine })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return (
    <>
      {email.status === "queued" || email.status === "sending" ? <AutoRefresh intervalMs={2000} /> : <AutoRefresh intervalMs={5000} />}
      <PageHeader title={email.subject || "(no subject)"} description={`From ${email.fromAddress} to ${email.toAddresses.join(", ")}`} actions={<RunStatusBadge status={email.status === "sent" ? "completed" : email.status} />} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <CardHeader><CardTitle>Message</CardTitle></CardHeader>
          <CardContent className="grid gap-3">
            {email.statusReason ? <p role="alert" className="text-sm text-destructive">{email.statusReason}</p> : null}
            <iframe title="Email body" sandbox="" srcDoc={email.bodyHtml ?? ""} className="h-80 w-full rounded-md border bg-white" />
            <p className="text-xs text-muted-foreground">Opens {email.openCount} · Clicks {email.clickCount} (people only; machine hits are listed but not counted)</p>
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
        {email.sendRecord ? <SendRecordCard record={email.sendRecord} sent={email.status === "sent"} /> : null}
        <Card>
          <CardHeader><CardTitle>Timeline</CardTitle></CardHeader>
          <CardContent>
            <ol className="grid gap-3 border-l pl-4" data-testid="email-timeline">
              {entries.map((e) => (
                <li key={e.key} className="text-sm" data-testid="timeline-entry">
                  <div className="flex items-center gap-2">
                    <span className="font-medium">{e.label}</span>
                    {e.machine ? <Badge variant="outline" title="Apple Mail Privacy Protection, a link scanner or similar: not counted">machine</Badge> : null}
                  </div>
                  <div className="text-xs text-muted-foreground">{formatTime(e.at)}</div>
                  {e.detail ? <div className="break-all text-xs text-muted-foreground">{e.detail}</div> : null}
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        </div>
      </div>
      <Link href={`/${slug}/compose`} className="mt-4 inline-block text-sm underline underline-offset-4">← Compose</Link>
    </>
  );
}
