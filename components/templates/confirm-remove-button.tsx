"use client";
// Delete (or archive, when a sequence step was built from it) behind a confirmation.
import { useActionState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/team-action";

export function ConfirmRemoveButton({
  id,
  idField,
  what,
  used,
  action: removeAction,
}: {
  id: string;
  /** The form field the action reads the id from. */
  idField: string;
  what: string;
  /** Shown when the record is in use and will be archived instead of deleted. */
  used: string | null;
  action: (prev: ActionState<never>, formData: FormData) => Promise<ActionState<never>>;
}) {
  const [state, action, pending] = useActionState(removeAction, undefined);
  const verb = used ? "Archive" : "Delete";
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button type="button" variant="ghost" size="sm" className="text-destructive" disabled={pending}>{verb}</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{verb} {what}?</AlertDialogTitle>
          <AlertDialogDescription>
            {used ? `${used} It is archived instead of deleted: it disappears from lists but what was built from it keeps working.` : "This cannot be undone."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <form action={action}>
            <input type="hidden" name={idField} value={id} />
            <Button type="submit" variant="destructive" disabled={pending}>{pending ? `${verb.replace(/e$/, "")}ing…` : verb}</Button>
          </form>
        </AlertDialogFooter>
        {state && !state.ok ? <p role="alert" className="text-sm text-destructive">{state.error}</p> : null}
      </AlertDialogContent>
    </AlertDialog>
  );
}
