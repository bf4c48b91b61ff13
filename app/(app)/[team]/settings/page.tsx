import type { Metadata } from "next";
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
          <TeamSettingsForm teamSlug={slug} name={ctx.team.name} postalAddress={ctx.team.postalAddress ?? ""} readOnly={!can(ctx.role, "team:settings")} />
        </CardContent>
      </Card>
    </>
  );
}
