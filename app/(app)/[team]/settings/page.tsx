import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { can } from "@/lib/teams/permissions";
import { TeamSettingsForm } from "./team-settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/settings`);
  return (
    <>
      <PageHeader title="Settings" description="Your team's name and the details every email needs." />
      <Card>
        <CardHeader>
          <CardTitle>Team</CardTitle>
        </CardHeader>
        <CardContent>
          <TeamSettingsForm teamSlug={slug} name={ctx.team.name} postalAddress={ctx.team.postalAddress ?? ""} trackingDomain={ctx.team.trackingDomain ?? ""} readOnly={!can(ctx.role, "team:settings")} />
        </CardContent>
      </Card>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Suppression list</CardTitle>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">
          Addresses and domains this team never emails: unsubscribes, bounces, complaints and your own additions.{" "}
          <Link href={`/${slug}/suppressions`} className="font-medium text-foreground underline underline-offset-4">Open the suppression list</Link>
        </CardContent>
      </Card>
    </>
  );
}
