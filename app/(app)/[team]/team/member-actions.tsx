"use client";

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
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionState } from "@/lib/auth/team-action";
import { changeRoleAction, removeMemberAction, revokeInvitationAction } from "./actions";

export function RoleSelect({ teamSlug, memberId, role, roles }: { teamSlug: string; memberId: string; role: string; roles: string[] }) {
  const [state, action, pending] = useActionState(changeRoleAction.bind(null, teamSlug), undefined);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="memberId" value={memberId} />
      <NativeSelect
        name="role"
        defaultValue={role}
        disabled={pending}
        aria-label="Role"
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="h-8"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </NativeSelect>
      {state && !state.ok ? <span className="text-xs text-destructive">{state.error}</span> : null}
    </form>
  );
}

export function ConfirmRemove({
  teamSlug,
  id,
  kind,
  label,
}: {
  teamSlug: string;
  id: string;
  kind: "member" | "invitation";
  label: string;
}) {
  // Both actions take a FormData here; the union of their object inputs does not matter.
  const act: (slug: string, prev: ActionState<null>, raw: FormData) => Promise<ActionState<null>> =
    kind === "member" ? removeMemberAction : revokeInvitationAction;
  const [state, action, pending] = useActionState(act.bind(null, teamSlug), undefined);
  const verb = kind === "member" ? "Remove" : "Revoke";
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive" disabled={pending}>
          {verb}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {verb} {label}?
          </AlertDialogTitle>
          <AlertDialogDescription>
            {kind === "member"
              ? "They lose access to this team's leads, templates, sequences and campaigns at once."
              : "The invitation link stops working. You can invite them again later."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <form action={action}>
            <input type="hidden" name={kind === "member" ? "memberId" : "invitationId"} value={id} />
            {/* A plain submit: the row (and this dialog) disappears when the page revalidates. */}
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending ? "Working…" : verb}
            </Button>
          </form>
        </AlertDialogFooter>
        {state && !state.ok ? <p className="text-sm text-destructive">{state.error}</p> : null}
      </AlertDialogContent>
    </AlertDialog>
  );
}
