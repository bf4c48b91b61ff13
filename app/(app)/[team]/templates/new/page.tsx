import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { TemplateForm } from "@/components/templates/template-form";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { listPreviewLeads } from "@/lib/templates/preview-template";
import { createTemplateAction, previewTemplateAction } from "../actions";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/templates/new`);
  const leads = await listPreviewLeads({ teamId: ctx.teamId });
  return (
    <>
      <PageHeader title="New template" description="Write it once; everyone on the team can use it in sequences." />
      <TemplateForm leads={leads} saveAction={createTemplateAction.bind(null, slug)} previewAction={previewTemplateAction.bind(null, slug, undefined)} />
    </>
  );
}
