import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { SequenceBuilder } from "@/components/sequences/sequence-builder";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { listTemplateChoices } from "@/lib/templates/list-templates";
import { saveSequenceAction } from "../actions";

export const metadata: Metadata = { title: "New sequence" };

export default async function NewSequencePage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/sequences/new`);
  const templates = await listTemplateChoices({ teamId: ctx.teamId });
  return (
    <>
      <PageHeader title="New sequence" description="Ordered emails with waits, conditions and A/B variants. Campaigns send it to leads." />
      <SequenceBuilder templates={templates} saveAction={saveSequenceAction.bind(null, slug)} />
    </>
  );
}
