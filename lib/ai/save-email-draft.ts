// Keeps a finished draft (written, served from the cache, or rewritten) so the rep can reopen it in the composer.
import "server-only";
import { and, eq } from "drizzle-orm";
import { emailDrafts, type EmailDraft } from "@/db/schema/drafts";
import { leads } from "@/db/schema/leads";
import { parseDraft } from "@/lib/ai/parse-draft";
import type { FinishedDraft } from "@/lib/ai/report-draft";
import type { RewriteMode } from "@/lib/ai/rewrite-email.schema";
import { teamScope } from "@/lib/teams/team-scope";

export type EmailDraftSource = "generate" | `rewrite:${RewriteMode}`;

export type EmailDraftToSave = FinishedDraft & {
  source: EmailDraftSource;
  /** The facts the writer was given: cited ids outside them are dropped. */
  knownFactIds?: readonly string[];
  /** The recipient; linked to the team's lead with that address when there is one. */
  leadEmail?: string;
  goal?: string;
  tone?: string;
  length?: string;
};

export async function saveEmailDraft({ teamId, userId, draft }: { teamId: string; userId: string; draft: EmailDraftToSave }): Promise<EmailDraft> {
  const parsed = parseDraft(draft.text, draft.knownFactIds);
  // Leads are stored lower-cased, one per address per team.
  const leadEmail = draft.leadEmail?.trim().toLowerCase() || null;
  return teamScope(teamId, async (tx) => {
    const [lead] = leadEmail
      ? await tx.select({ id: leads.id }).from(leads).where(and(eq(leads.teamId, teamId), eq(leads.email, leadEmail))).limit(1)
      : [];
    const [row] = await tx
      .insert(emailDrafts)
      .values({
        teamId,
        userId,
        leadId: lead?.id ?? null,
        leadEmail,
        subject: parsed.subject,
        body: parsed.body,
        modelId: draft.model.id,
        modelLabel: draft.model.label,
        factIds: parsed.factIds,
        goal: draft.goal ?? null,
        tone: draft.tone ?? null,
        length: draft.length ?? null,
        source: draft.source,
        cache: draft.cache,
      })
      .returning();
    return row;
  });
}
