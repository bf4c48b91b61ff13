import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { DuplicateSequenceButton } from "@/components/sequences/duplicate-sequence-button";
import { SequenceBuilder } from "@/components/sequences/sequence-builder";
import { ConfirmRemoveButton } from "@/components/templates/confirm-remove-button";
import { Badge } from "@/components/ui/badge";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { AppError } from "@/lib/errors";
import { getSequence, sequenceFormState } from "@/lib/sequences/get-sequence";
import { listSequenceUsage } from "@/lib/sequences/list-sequences";
import { listTemplateChoices } from "@/lib/templates/list-templates";
import { archiveSequenceAction, duplicateSequenceAction, saveSequenceAction } from "../actions";

export const metadata: Metadata = { title: "Sequence" };

export default async function SequencePage({ params, searchParams }: { params: Promise<{ team: string; sequenceId: string }>; searchParams: Promise<{ saved?: string; duplicated?: string }> }) {
  const { team: slug, sequenceId } = await params;
  const sp = await searchParams;
  const ctx = await requireTeamPage(slug, `/${slug}/sequences/${sequenceId}`);
  if (!z.uuid().safeParse(sequenceId).success) notFound();
  const sequence = await getSequence({ teamId: ctx.teamId, sequenceId }).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const [templates, campaigns] = await Promise.all([listTemplateChoices({ teamId: ctx.teamId }), listSequenceUsage({ teamId: ctx.teamId, sequenceId })]);
  const archived = sequence.status === "archived";
  const used = campaigns.length ? `Used by ${campaigns.length} ${campaigns.length === 1 ? "campaign" : "campaigns"} (${campaigns.map((c) => c.name).join(", ")}).` : null;

  return (
    <>
      <PageHeader
        title={sequence.name}
        description={archived ? "Archived: kept for the campaigns that used it. Duplicate it to make changes." : used ?? "Not used by any campaign yet."}
        actions={
          <>
            {archived ? <Badge variant="outline">Archived</Badge> : null}
            <DuplicateSequenceButton sequenceId={sequence.id} action={duplicateSequenceAction.bind(null, slug)} />
            {archived ? null : <ConfirmRemoveButton id={sequence.id} idField="sequenceId" what={`“${sequence.name}”`} used={used} action={archiveSequenceAction.bind(null, slug)} />}
          </>
        }
      />
      {sp.saved || sp.duplicated ? <p role="status" className="mb-4 text-sm text-emerald-700 dark:text-emerald-400">{sp.saved ? "Sequence created." : "This is a copy; edit and save it."}</p> : null}
      <SequenceBuilder initial={sequenceFormState(sequence)} templates={templates} saveAction={saveSequenceAction.bind(null, slug)} readOnly={archived} />
    </>
  );
}
