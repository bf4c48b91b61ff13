import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { describeDraftAge } from "@/components/compose/describe-draft-age";
import type { RecentDraft } from "@/components/compose/recent-drafts-panel";
import { listEmailDrafts, type ListedEmailDraft } from "@/lib/ai/list-email-drafts";
import { getLanguageModel } from "@/lib/ai/models";
import { listLeadsForComposer } from "@/lib/leads/list-leads-for-composer";
import { listMailboxes } from "@/lib/mailboxes/list-mailboxes";
import { listSequenceChoices } from "@/lib/sequences/list-sequences";
import { Composer } from "./composer";

export const metadata: Metadata = { title: "Compose" };

const RECENT_DRAFTS = 10;

function toRecentDraft(d: ListedEmailDraft, now: number): RecentDraft {
  const name = [d.leadFirstName, d.leadLastName].filter(Boolean).join(" ");
  const leadLabel = name && d.leadEmail ? `${name} <${d.leadEmail}>` : name || d.leadEmail || d.leadCompany || null;
  return {
    id: d.id,
    subject: d.subject,
    body: d.body,
    factIds: d.factIds,
    leadLabel,
    modelLabel: d.modelLabel,
    source: d.source,
    createdAt: d.createdAt.toISOString(),
    age: describeDraftAge(d.createdAt, now),
  };
}

export default async function ComposePage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/compose`);
  const [leads, mailboxes, sequences, drafts] = await Promise.all([
    listLeadsForComposer({ teamId: ctx.teamId }),
    listMailboxes({ teamId: ctx.teamId }),
    listSequenceChoices({ teamId: ctx.teamId }),
    listEmailDrafts({ teamId: ctx.teamId, userId: ctx.user.id, limit: RECENT_DRAFTS }),
  ]);
  const now = Date.now();
  const sendable = mailboxes
    .filter((m) => m.status === "active")
    .map((m) => ({ id: m.id, email: m.email, displayName: m.displayName }));

  return (
    <>
      <PageHeader title="Compose" description="Pick a lead, say what you want, and watch a personal email write itself. Edit, check and send." />
      <Composer
        teamSlug={slug}
        leads={leads}
        mailboxes={sendable}
        configuredModel={getLanguageModel().label}
        senderName={ctx.user.name ?? null}
        sequences={sequences}
        recentDrafts={drafts.map((d) => toRecentDraft(d, now))}
      />
    </>
  );
}
