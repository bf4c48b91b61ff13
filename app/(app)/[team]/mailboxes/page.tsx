import { Mail } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { MailboxStatusBadge, PROVIDER_LABEL } from "@/components/mailboxes/mailbox-status-badge";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { listMailboxes } from "@/lib/mailboxes/list-mailboxes";
import { isOAuthProviderConfigured } from "@/lib/mailboxes/oauth/oauth-providers";
import { can } from "@/lib/teams/permissions";
import { LocalMailboxForm } from "./local-mailbox-form";
import { OAuthConnectButtons } from "./oauth-connect-buttons";
import { ResendMailboxForm, SmtpMailboxForm } from "./smtp-mailbox-form";

export const metadata: Metadata = { title: "Mailboxes" };

export default async function MailboxesPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { team: slug } = await params;
  const query = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 500);
  const connected = first(query.connected);
  const connectError = first(query.error);
  const ctx = await requireTeamPage(slug, `/${slug}/mailboxes`);
  const rows = await listMailboxes({ teamId: ctx.teamId });
  const mayManage = can(ctx.role, "team:settings");

  return (
    <>
      <PageHeader title="Mailboxes" description="The accounts your email is sent from, with their daily caps, sending windows and warmup." />
      <div className="grid gap-6">
        {connected ? <p role="status" className="text-sm text-green-700 dark:text-green-400">Connected {connected}.</p> : null}
        {connectError ? <p role="alert" className="text-sm text-destructive">{connectError}</p> : null}
        {rows.length === 0 ? (
          <EmptyState icon={Mail} title="No mailboxes connected" description="Add a mailbox below. A local mailbox keeps every message on this machine, in the team's Outbox." />
        ) : (
          <div className="grid gap-3 md:grid-cols-2">
            {rows.map((m) => (
              <Card key={m.id} data-testid="mailbox-card">
                <CardHeader>
                  <CardTitle className="flex items-center justify-between gap-2 text-base">
                    <Link href={`/${slug}/mailboxes/${m.id}`} className="truncate underline-offset-4 hover:underline">{m.email}</Link>
                    <MailboxStatusBadge status={m.status} />
                  </CardTitle>
                  <CardDescription>{PROVIDER_LABEL[m.provider]}{m.displayName ? ` · ${m.displayName}` : ""}</CardDescription>
                </CardHeader>
                <CardContent className="grid gap-2 text-sm">
                  {m.statusReason ? <p className="text-destructive">{m.statusReason}</p> : null}
                  <dl className="grid grid-cols-3 gap-2">
                    <div><dt className="text-xs text-muted-foreground">Sent (24 h)</dt><dd className="tabular-nums">{m.health.sentLast24h} / {m.health.capToday}</dd></div>
                    <div><dt className="text-xs text-muted-foreground">Bounces (30 d)</dt><dd className="tabular-nums">{m.health.bouncesLast30d}</dd></div>
                    <div><dt className="text-xs text-muted-foreground">Warmup</dt><dd>{m.warmupEnabled ? `on → ${m.warmupTarget ?? m.dailyCap}/day` : "off"}</dd></div>
                  </dl>
                </CardContent>
              </Card>
            ))}
          </div>
        )}
        {mayManage ? (
          <Card>
            <CardHeader>
              <CardTitle>Connect Gmail or Outlook</CardTitle>
              <CardDescription>Sign in with Google or Microsoft and allow sending. We keep only the tokens, stored encrypted; reconnect here if a mailbox shows as disconnected.</CardDescription>
            </CardHeader>
            <CardContent>
              <OAuthConnectButtons teamSlug={slug} gmailConfigured={isOAuthProviderConfigured("gmail")} outlookConfigured={isOAuthProviderConfigured("outlook")} />
            </CardContent>
          </Card>
        ) : null}
        {mayManage ? (
          <Card>
            <CardHeader>
              <CardTitle>Connect an SMTP mailbox</CardTitle>
              <CardDescription>Any provider that offers SMTP (Google Workspace and Microsoft 365 app passwords, Fastmail, your own server). We log in once to check before saving; the password is stored encrypted.</CardDescription>
            </CardHeader>
            <CardContent><SmtpMailboxForm teamSlug={slug} /></CardContent>
          </Card>
        ) : null}
        {mayManage ? (
          <Card>
            <CardHeader>
              <CardTitle>Send through Resend</CardTitle>
              <CardDescription>Use an address on a domain verified in your Resend account. We check the key and the domain with Resend before saving; the key is stored encrypted.</CardDescription>
            </CardHeader>
            <CardContent><ResendMailboxForm teamSlug={slug} /></CardContent>
          </Card>
        ) : null}
        {mayManage ? (
          <Card>
            <CardHeader>
              <CardTitle>Add a local mailbox</CardTitle>
              <CardDescription>For trying things out: mail is captured in this team&apos;s Outbox and never leaves the machine.</CardDescription>
            </CardHeader>
            <CardContent><LocalMailboxForm teamSlug={slug} defaultEmail={ctx.user.email} /></CardContent>
          </Card>
        ) : (
          <p className="text-sm text-muted-foreground">Only owners and admins can connect mailboxes.</p>
        )}
      </div>
    </>
  );
}
