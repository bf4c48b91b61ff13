import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { getLanguageModel } from "@/lib/ai/models";
import { listLeadsForComposer } from "@/lib/leads/list-leads-for-composer";
import { listMailboxes } from "@/lib/mailboxes/list-mailboxes";
import { listSequenceChoices } from "@/lib/sequences/list-sequences";
import { Composer } from "./composer";

export const metadata: Metadata = { title: "Compose" };

export default async function ComposePage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/compose`);
  const [leads, mailboxes, sequences] = await Promise.all([
    listLeadsForComposer({ teamId: ctx.teamId }),
    listMailboxes({ teamId: ctx.teamId }),
    listSequenceChoices({ teamId: ctx.teamId }),
  ]);
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
      />
    </>
  );
}
