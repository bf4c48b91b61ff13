import { FileText, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { ListPager } from "@/components/templates/list-pager";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { listTemplates, TEMPLATES_PAGE_SIZE } from "@/lib/templates/list-templates";

export const metadata: Metadata = { title: "Templates" };

const NOTICE: Record<string, string> = { deleted: "Template deleted.", archived: "Template archived: a sequence step was built from it, so it is kept out of sight." };

export default async function TemplatesPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<{ page?: string; q?: string; archived?: string; notice?: string }> }) {
  const { team: slug } = await params;
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : undefined;
  const archived = sp.archived === "1";
  const ctx = await requireTeamPage(slug, `/${slug}/templates`);
  const { rows, total } = await listTemplates({ teamId: ctx.teamId, page, search: q, archived });
  const newButton = <Button asChild size="sm"><Link href={`/${slug}/templates/new`}><Plus aria-hidden="true" /> New template</Link></Button>;

  return (
    <>
      <PageHeader title="Templates" description="Reusable emails your team shares, with variables and spintax." actions={newButton} />
      <div className="grid gap-4">
        {sp.notice && NOTICE[sp.notice] ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">{NOTICE[sp.notice]}</p> : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <form className="flex gap-2" role="search">
            {archived ? <input type="hidden" name="archived" value="1" /> : null}
            <Input name="q" defaultValue={q} placeholder="Search by name" className="max-w-xs" aria-label="Search templates" />
            <Button type="submit" variant="secondary" size="sm">Search</Button>
          </form>
          <Link href={archived ? "?" : "?archived=1"} className="text-sm text-muted-foreground underline underline-offset-4">{archived ? "Show active templates" : "Show archived templates"}</Link>
        </div>
        {rows.length === 0 ? (
          <EmptyState
            icon={FileText}
            title={q ? "No template matches" : archived ? "No archived templates" : "No templates yet"}
            description={q ? "Try another name, or create a new template." : "Write one here, or save a draft from the composer with “Save as template”. Your whole team can use it in sequences."}
            action={archived ? undefined : newButton}
          />
        ) : (
          <div className="overflow-x-auto rounded-lg border">
            <Table>
              <TableHeader>
                <TableRow><TableHead>Name</TableHead><TableHead>Subject</TableHead><TableHead>Variables</TableHead><TableHead>Updated</TableHead></TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((t) => (
                  <TableRow key={t.id} data-testid="template-row">
                    <TableCell className="font-medium"><Link href={`/${slug}/templates/${t.id}`} className="underline-offset-4 hover:underline">{t.name}</Link></TableCell>
                    <TableCell className="max-w-xs truncate">{t.subject}</TableCell>
                    <TableCell className="text-xs text-muted-foreground">{t.variables.join(", ") || "—"}</TableCell>
                    <TableCell className="text-xs">{t.updatedAt.toISOString().slice(0, 10)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        <ListPager page={page} total={total} pageSize={TEMPLATES_PAGE_SIZE} params={{ q, archived: archived ? "1" : undefined }} noun="templates" />
      </div>
    </>
  );
}
