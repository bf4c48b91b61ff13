"use client";
// "Add lead": a dialog with the lead's main fields; the dialog stays open with field errors until it saves.
import { Plus } from "lucide-react";
import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { fieldErrorsOf, type BoundAction } from "./bound-action";
import { LeadFieldInputs } from "./lead-field-inputs";
import { TextField } from "./text-field";

export function AddLeadDialog({ action, teamSlug }: { action: BoundAction<{ id: string; email: string }>; teamSlug: string }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, undefined);
  const [added, setAdded] = useState<{ id: string; email: string } | null>(null);
  const errors = fieldErrorsOf(state) ?? {};
  useEffect(() => {
    if (state?.ok) {
      setAdded(state.data);
      setOpen(false);
    }
  }, [state]);
  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button size="sm">
            <Plus aria-hidden="true" /> Add lead
          </Button>
        </DialogTrigger>
        <DialogContent className="sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>Add a lead</DialogTitle>
            <DialogDescription>Only the email address is required. Suppressed addresses cannot be added.</DialogDescription>
          </DialogHeader>
          <form onSubmit={submitWithoutReset(formAction)} className="grid gap-4" noValidate>
            <TextField id="new-lead-email" name="email" type="email" label="Email" errors={errors.email} placeholder="ada@acme.com" required />
            <LeadFieldInputs prefix="new-lead" errors={errors} compact />
            {state && !state.ok ? <p role="alert" className="text-sm text-destructive">{state.error}</p> : null}
            <DialogFooter>
              <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Save lead"}</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      {added ? (
        <span role="status" className="self-center text-sm text-emerald-600 dark:text-emerald-400">
          Added <Link className="underline" href={`/${teamSlug}/leads/${added.id}`}>{added.email}</Link>.
        </span>
      ) : null}
    </>
  );
}
