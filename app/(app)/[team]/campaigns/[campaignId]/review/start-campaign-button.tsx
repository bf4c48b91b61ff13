"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { startCampaignAction } from "../../actions";

export function StartCampaignButton({ teamSlug, campaignId, blocked }: { teamSlug: string; campaignId: string; blocked: boolean }) {
  const [state, action, pending] = useActionState(startCampaignAction.bind(null, teamSlug), undefined);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="campaignId" value={campaignId} />
      <Button type="submit" disabled={blocked || pending} aria-describedby={blocked ? "start-blocked" : undefined}>{pending ? "Starting…" : "Start campaign"}</Button>
      {blocked ? <span id="start-blocked" className="text-sm text-muted-foreground">Fix the items above first.</span> : null}
      <span role="alert" className="text-sm text-destructive">{state && !state.ok ? state.error : ""}</span>
    </form>
  );
}
