import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/page-header";
import { ConfirmRemoveButton } from "@/components/templates/confirm-remove-button";
import { TemplateForm } from "@/components/templates/template-form";
import { Badge } from "@/components/ui/badge";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { htmlToText } from "@/lib/email/mime/html-to-text";
import { AppError } from "@/lib/errors";
import { countTemplateUses } from "@/lib/templates/count-template-uses";
import { getTemplate } from "@/lib/templates/get-template";
import { listPreviewLeads } from "@/lib/templates/preview-template";
import { archiveTemplateAction, previewTemplateAction, updateTemplateAction } from "../actions";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ team: string; templateId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { team: slug, templateId } = await params;
  const sp = await searchParams;
  const ctx = await requireTeamPage(slug, `/${slug}/templates/${templateId}`);
  if (!z.uuid().safeParse(templateId).success) notFound();
  const template = await getTemplate({ teamId: ctx.teamId, templateId }).catch((e) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const [leads, uses] = await Promise.all([listPreviewLeads({ teamId: ctx.teamId }), countTemplateUses({ teamId: ctx.teamId, templateId })]);
  const archived = template.archivedAt !== null;
  return (
    <>
      <PageHeader
        title={template.name}
        description={archived ? "Archived: kept because sequence steps were built from it. Read only." : "Changes apply to new uses; sequence steps keep the copy they were made from."}
        actions={archived ? <Badge variant="outline">Archived</Badge> : (
          <ConfirmRemoveButton id={template.id} idField="templateId" what={`“${template.name}”`} used={uses > 0 ? `${uses} sequence ${uses === 1 ? "step was" : "steps were"} built from it.` : null} action={archiveTemplateAction.bind(null, slug)} />
        )}
      />
      {sp.saved ? <p role="status" className="mb-4 text-sm text-emerald-700 dark:text-emerald-400">Template created.</p> : null}
      <TemplateForm
        template={{ id: template.id, name: template.name, subject: template.subject, body: template.bodyText ?? htmlToText(template.bodyHtml) }}
        leads={leads}
        saveAction={updateTemplateAction.bind(null, slug)}
        previewAction={previewTemplateAction.bind(null, slug, undefined)}
        readOnly={archived}
      />
    </>
  );
}
