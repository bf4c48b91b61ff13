import { CheckCircle2, Circle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { getTeamOverview } from "@/lib/dashboard/get-team-overview";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/dashboard`);
  const overview = await getTeamOverview({ teamId: ctx.teamId });
  const steps = [
    { done: !!ctx.team.postalAddress, label: "Add your postal address (every campaign email needs it)", href: "settings" },
    { done: overview.members > 1, label: "Invite a colleague", href: "team" },
    { done: overview.mailboxes > 0, label: "Connect a mailbox", href: "mailboxes" },
    { done: overview.leads > 0, label: "Import leads", href: "leads" },
    { done: overview.campaigns > 0, label: "Start a campaign", href: "campaigns" },
  ];
  const stats = [
    { label: "Members", value: overview.members },
    { label: "Leads", value: overview.leads },
    { label: "Mailboxes", value: overview.mailboxes },
    { label: "Templates", value: overview.templates },
    { label: "Sequences", value: overview.sequences },
    { label: "Campaigns", value: overview.campaigns },
  ];
  return (
    <>
      <PageHeader title={`Welcome${ctx.user.name ? `, ${ctx.user.name}` : ""}`} description={ctx.team.name} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card>
          <CardHeader>
            <CardTitle>Get started</CardTitle>
            <CardDescription>The steps between you and your first campaign.</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-2">
              {steps.map((s) => (
                <li key={s.href} className="flex items-center gap-2 text-sm">
                  {s.done ? <CheckCircle2 className="size-4 text-emerald-600" aria-label="Done" /> : <Circle className="size-4 text-muted-foreground" aria-label="To do" />}
                  <Link href={`/${slug}/${s.href}`} className={s.done ? "text-muted-foreground line-through" : "underline-offset-4 hover:underline"}>
                    {s.label}
                  </Link>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>This team</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-3">
              {stats.map((s) => (
                <div key={s.label}>
                  <dt className="text-xs text-muted-foreground">{s.label}</dt>
                  <dd className="text-2xl font-semibold tabular-nums" data-testid={`stat-${s.label.toLowerCase()}`}>{s.value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
