"use client";
// Correct the classifier: the rep's choice is stored as a user decision and audited.
import type { ReplyIntent } from "@/db/schema/emails";
import { FieldError } from "@/components/form-field-error";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { ActionStatus } from "./action-status";
import { INTENT_LABEL, INTENT_OPTIONS } from "./intent-badge";
import { useTeamAction, type BoundAction } from "./use-team-action";

export function IntentForm({ emailId, intent, source, action }: { emailId: string; intent: ReplyIntent | null; source: string | null; action: BoundAction<{ intent: ReplyIntent | null }> }) {
  const { state, run, pending, fields } = useTeamAction(action);
  return (
    <form onSubmit={submitWithoutReset(run)} className="grid gap-2" aria-label="Change the intent">
      <input type="hidden" name="emailId" value={emailId} />
      <Label htmlFor="reply-intent">Intent</Label>
      <div className="flex gap-2">
        <NativeSelect id="reply-intent" name="intent" defaultValue={intent ?? ""} className="min-w-0 flex-1" aria-invalid={!!fields?.intent}>
          {intent ? null : <option value="">Unclassified</option>}
          {INTENT_OPTIONS.map((i) => <option key={i} value={i}>{INTENT_LABEL[i]}</option>)}
        </NativeSelect>
        <Button type="submit" size="sm" variant="outline" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
      </div>
      <FieldError messages={fields?.intent} />
      <p className="text-xs text-muted-foreground">{source === "user" ? "Set by your team." : source === "model" ? "Classified by the AI model." : source === "rules" ? "Classified by the offline rules." : "Not classified yet."}</p>
      <ActionStatus state={state} success={(d) => `Saved as ${d.intent ? INTENT_LABEL[d.intent] : "unclassified"}.`} />
    </form>
  );
}
