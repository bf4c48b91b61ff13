import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MailboxHealthCard } from "@/components/mailboxes/mailbox-health-card";
import { MailboxStatusBadge, PROVIDER_LABEL } from "@/components/mailboxes/mailbox-status-badge";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { AppError } from "@/lib/errors";
import { describeResendWebhook, RESEND_WEBHOOK_EVENTS } from "@/lib/inbound/resend/describe-resend-webhook";
import { getMailboxHealth } from "@/lib/mailboxes/mailbox-health";
import { capForInstant } from "@/lib/mailboxes/next-send-slot";
import { getMailbox } from "@/lib/mailboxes/list-mailboxes";
import { can } from "@/lib/teams/permissions";
import { MailboxSettingsForm } from "./mailbox-settings-form";
import { ResendWebhookForm } from "./resend-webhook-form";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage({ params }: { params: Promise<{ team: string; mailboxId: string }> }) {
  const { team: slug, mailboxId } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/mailboxes/${mailboxId}`);
  if (!z.uuid().safeParse(mailboxId).success) notFound();
  const mailbox = await getMailbox({ teamId: ctx.teamId, mailboxId }).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const resendWebhook = describeResendWebhook(mailbox);
  // Props of a client component reach the browser whole: leave the sealed credentials and sync cursor behind.
  const { credentialsCiphertext: _sealed, credentialsKeyId: _keyId, inboundSyncCursor: _cursor, ...settingsValues } = mailbox;
  const health = await getMailboxHealth({ teamId: ctx.teamId, mailboxId, now: new Date() });
  return (
    <>
      <PageHeader
        title={mailbox.email}
        description={`${PROVIDER_LABEL[mailbox.provider]} · today's cap ${capForInstant(mailbox, new Date())}`}
        actions={<MailboxStatusBadge status={mailbox.status} />}
      />
      <Card>
        <CardContent className="pt-6">
          <MailboxSettingsForm teamSlug={slug} mailbox={settingsValues} timeZones={Intl.supportedValuesOf("timeZone")} readOnly={!can(ctx.role, "team:settings")} />
        </CardContent>
      </Card>
      <MailboxHealthCard teamSlug={slug} mailbox={mailbox} health={health} canManage={can(ctx.role, "team:settings")} />
      {resendWebhook ? (
        <Card className="mt-4">
          <CardHeader>
            <CardTitle>Replies and bounces (Resend webhook)</CardTitle>
            <CardDescription>Resend tells us about replies, bounces and spam complaints through a webhook signed with its secret.</CardDescription>
          </CardHeader>
          <CardContent>
            <ResendWebhookForm teamSlug={slug} mailboxId={mailbox.id} url={resendWebhook.url} events={RESEND_WEBHOOK_EVENTS} hasSecret={resendWebhook.hasSecret} readOnly={!can(ctx.role, "team:settings")} />
          </CardContent>
        </Card>
      ) : null}
      <Link href={`/${slug}/mailboxes`} className="mt-4 inline-block text-sm underline underline-offset-4">← All mailboxes</Link>
    </>
  );
}
