"use client";
// The rep's latest saved drafts: open one back into the editor, or delete it (after a confirmation).
import { FileClock } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { ConfirmRemoveButton } from "@/components/templates/confirm-remove-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/team-action";

/** A saved draft as the page hands it over: plain strings, the age already worded on the server. */
export type RecentDraft = {
  id: string;
  subject: string;
  body: string;
  factIds: string[];
  leadLabel: string | null;
  modelLabel: string;
  /** "generate" or "rewrite:<mode>". */
  source: string;
  createdAt: string;
  age: string;
};

const REWRITES: Record<string, string> = { shorter: "shorter", warmer: "warmer", more_direct: "more direct", fix_grammar: "grammar fixed" };

function sourceLabel(source: string): string | null {
  if (!source.startsWith("rewrite:")) return null;
  const mode = source.slice("rewrite:".length);
  return `Rewrite · ${REWRITES[mode] ?? mode}`;
}

export function RecentDraftsPanel({
  drafts,
  onOpen,
  deleteDraft,
  disabled,
}: {
  drafts: RecentDraft[];
  onOpen: (draft: RecentDraft) => void;
  deleteDraft: (prev: ActionState<never>, formData: FormData) => Promise<ActionState<never>>;
  /** While the writer streams, opening a draft would be overwritten. */
  disabled: boolean;
}) {
  if (drafts.length === 0) {
    return (
      <EmptyState
        icon={FileClock}
        title="No drafts yet"
        description="Every draft the writer finishes is kept here. Fill in the brief and press Write."
        className="py-8"
      />
    );
  }
  return (
    <ul className="grid gap-2" data-testid="recent-drafts">
      {drafts.map((d) => {
        const source = sourceLabel(d.source);
        return (
          <li key={d.id} className="grid gap-1 rounded-lg border p-3" data-testid="recent-draft">
            <p id={`draft-${d.id}-subject`} className="truncate text-sm font-medium" title={d.subject}>
              {d.subject || "(no subject)"}
            </p>
            <p id={`draft-${d.id}-meta`} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
              <span className="min-w-0 break-all">{d.leadLabel ?? "No lead"}</span>
              <span aria-hidden="true">·</span>
              <span className="min-w-0 break-words">{d.modelLabel}</span>
              <span aria-hidden="true">·</span>
              <time dateTime={d.createdAt} title={d.createdAt}>{d.age}</time>
              {source ? <Badge variant="outline">{source}</Badge> : null}
            </p>
            <div className="flex items-center gap-1">
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => onOpen(d)}
                disabled={disabled}
                aria-describedby={`draft-${d.id}-subject draft-${d.id}-meta`}
              >
                Open
              </Button>
              <ConfirmRemoveButton id={d.id} idField="draftId" what={`the draft “${d.subject || "no subject"}”`} used={null} action={deleteDraft} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
