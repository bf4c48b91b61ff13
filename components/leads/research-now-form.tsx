"use client";
// "Research now": the company site plus up to five pages the rep adds.
import { useActionState } from "react";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { fieldErrorsOf, type BoundAction } from "./bound-action";
import { TextField } from "./text-field";

export function ResearchNowForm({ leadId, action, busy }: { leadId: string; action: BoundAction<null>; busy: boolean }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = fieldErrorsOf(state) ?? {};
  const urlErrors = Object.entries(errors).filter(([k]) => k === "urls" || k.startsWith("urls.")).flatMap(([, v]) => v);
  return (
    <form onSubmit={submitWithoutReset(formAction)} className="grid gap-2" noValidate>
      <input type="hidden" name="leadId" value={leadId} />
      <TextField id="research-urls" name="urls" label="Extra pages to research (optional)" multiline placeholder={"https://acme.com/blog/series-b\nhttps://news.example/acme"} hint="One web address per line, at most 5. The company site is always included." errors={urlErrors} />
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={pending || busy}>{busy ? "Researching…" : "Research now"}</Button>
        {state && !state.ok && !state.fields ? <span role="alert" className="text-sm text-destructive">{state.error}</span> : null}
      </div>
    </form>
  );
}
