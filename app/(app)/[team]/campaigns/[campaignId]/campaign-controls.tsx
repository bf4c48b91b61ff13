"use client";

import Link from "next/link";
import { startTransition, useActionState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { CampaignStatus } from "@/db/schema/campaigns";
import type { ActionState } from "@/lib/auth/team-action";
import { archiveCampaignAction, duplicateCampaignAction, pauseCampaignAction, resumeCampaignAction, stopCampaignAction } from "../actions";

type Bound<R> = (teamSlug: string, prev: ActionState<R>, raw: { campaignId: string }) => Promise<ActionState<R>>;

/** One control: runs its action with the campaign id, and reports a refusal (the runner's AppError message) beside it. */
function useControl<R>(action: Bound<R>, teamSlug: string, campaignId: string) {
  const [state, dispatch, pending] = useActionState((prev: ActionState<R>, _: void) => action(teamSlug, prev, { campaignId }), undefined);
  return { error: state && !state.ok ? state.error : null, run: () => startTransition(() => dispatch()), pending };
}

function Confirm({ trigger, title, description, confirm, onConfirm, pending }: { trigger: string; title: string; description: string; confirm: string; onConfirm: () => void; pending: boolean }) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" className="text-destructive" disabled={pending}>{trigger}</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm} className="bg-destructive text-white hover:bg-destructive/90">{confirm}</AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

export function CampaignControls({ teamSlug, campaignId, status, hasSequence }: { teamSlug: string; campaignId: string; status: CampaignStatus; hasSequence: boolean }) {
  const pause = useControl(pauseCampaignAction, teamSlug, campaignId);
  const resume = useControl(resumeCampaignAction, teamSlug, campaignId);
  const stop = useControl(stopCampaignAction, teamSlug, campaignId);
  const duplicate = useControl(duplicateCampaignAction, teamSlug, campaignId);
  const archive = useControl(archiveCampaignAction, teamSlug, campaignId);
  const base = `/${teamSlug}/campaigns/${campaignId}`;
  const sending = status === "running" || status === "scheduled";
  const error = [pause, resume, stop, duplicate, archive].find((c) => c.error)?.error;

  return (
    <div className="grid justify-items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {status === "draft" ? <Button asChild size="sm"><Link href={`${base}/review`}>Review &amp; start</Link></Button> : null}
        {sending ? <Button size="sm" variant="secondary" onClick={pause.run} disabled={pause.pending}>{pause.pending ? "Pausing…" : "Pause"}</Button> : null}
        {status === "paused" ? <Button size="sm" onClick={resume.run} disabled={resume.pending}>{resume.pending ? "Resuming…" : "Resume"}</Button> : null}
        {status === "draft" || status === "paused" ? <Button asChild size="sm" variant="outline"><Link href={`${base}/edit`}>Edit</Link></Button> : null}
        <Button size="sm" variant="outline" onClick={duplicate.run} disabled={duplicate.pending}>{duplicate.pending ? "Duplicating…" : "Duplicate"}</Button>
        {sending || status === "paused" ? (
          <Confirm
            trigger="Stop"
            title="Stop this campaign?"
            description="No further emails go out to anyone in it, and it cannot be resumed. Results stay. Duplicate it to run again."
            confirm="Stop campaign"
            onConfirm={stop.run}
            pending={stop.pending}
          />
        ) : null}
        {!sending && status !== "archived" ? (
          <Confirm
            trigger="Archive"
            title="Archive this campaign?"
            description={
              hasSequence
                ? "It leaves the campaign list (find it under Archived). Its results stay readable; it cannot be started again."
                : "This draft has no sequence yet, so there is nothing to keep: it is deleted."
            }
            confirm="Archive"
            onConfirm={archive.run}
            pending={archive.pending}
          />
        ) : null}
      </div>
      <p role="alert" className="text-sm text-destructive">{error ?? ""}</p>
    </div>
  );
}
