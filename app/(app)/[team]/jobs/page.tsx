import { Timer } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { can } from "@/lib/teams/permissions";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/jobs`);
  return (
    <>
      <PageHeader title="Jobs" description="Background work: sending, sequences, research and sync." />
      {can(ctx.role, "jobs:view") ? (
        <EmptyState icon={Timer} title="No background jobs yet" description="The job runner and its dashboard arrive with the jobs release. Runs, steps, sleeps and retries will show here." />
      ) : (
        <EmptyState icon={Timer} title="Owners and admins only" description="Ask an owner or admin of this team if you need to see background jobs." />
      )}
    </>
  );
}
