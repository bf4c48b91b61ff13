"use client";
import { Copy } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/team-action";

export function DuplicateSequenceButton({ sequenceId, action: duplicate }: { sequenceId: string; action: (prev: ActionState<never>, formData: FormData) => Promise<ActionState<never>> }) {
  const [state, action, pending] = useActionState(duplicate, undefined);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="sequenceId" value={sequenceId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}><Copy aria-hidden="true" /> {pending ? "Duplicating…" : "Duplicate"}</Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error}</span> : null}
    </form>
  );
}
