"use client";

import { useEffect, useRef, useState } from "react";
import { previewCampaignLeadsAction } from "./actions";

const SELECTION_FIELDS = ["selectionType", "tag", "status", "q", "importId", "fieldKey", "fieldValue"];

/**
 * "120 leads match · 112 can be emailed", recounted (debounced) whenever the selection fields inside `scope` change.
 * `version` bumps on every change the parent sees.
 */
export function LeadCountPreview({ teamSlug, scope, version }: { teamSlug: string; scope: React.RefObject<HTMLElement | null>; version: number }) {
  const [text, setText] = useState("Counting leads…");
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const form = scope.current?.closest("form");
      if (!form) return;
      const data = new FormData(form);
      const payload = Object.fromEntries(SELECTION_FIELDS.map((k) => [k, String(data.get(k) ?? "")]));
      const result = await previewCampaignLeadsAction(teamSlug, undefined, payload);
      if (ticket !== latest.current) return; // a newer count is on its way
      if (!result?.ok) setText("");
      else setText(`${result.data.selected.toLocaleString("en-US")} lead${result.data.selected === 1 ? "" : "s"} match · ${result.data.eligible.toLocaleString("en-US")} can be emailed`);
    }, 400);
    return () => clearTimeout(timer);
  }, [teamSlug, scope, version]);
  return <p role="status" aria-live="polite" className="text-sm text-muted-foreground" data-testid="lead-count-preview">{text}</p>;
}
