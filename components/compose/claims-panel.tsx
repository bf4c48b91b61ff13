"use client";
// Personal claims in the draft, each linked to the fact and source behind it; unsupported ones flagged.
import { CircleAlert, ExternalLink } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { ClaimAnalysis } from "./analyse-claims";
import type { ComposerFact } from "./composer-types";
import { sourceHost } from "./facts-editor";

export function ClaimsPanel({
  analysis,
  facts,
  citedIds,
  unknownIds,
  hasDraft,
}: {
  analysis: ClaimAnalysis;
  facts: readonly ComposerFact[];
  /** What the writer reported in its "Facts used" line. */
  citedIds: readonly string[];
  unknownIds: readonly string[];
  hasDraft: boolean;
}) {
  if (!hasDraft) {
    return <p className="text-sm text-muted-foreground">Once there is a draft, each personal claim is listed here with the fact and source behind it.</p>;
  }
  const cited = citedIds.map((id) => facts.find((f) => f.id === id)).filter((f): f is ComposerFact => !!f);
  return (
    <div className="grid gap-4 text-sm">
      {analysis.flags.length > 0 ? (
        <section aria-labelledby="claims-flagged" className="grid gap-2">
          <h3 id="claims-flagged" className="font-medium text-destructive">
            {analysis.flags.length === 1 ? "1 claim no fact supports" : `${analysis.flags.length} claims no fact supports`}
          </h3>
          <ul className="grid gap-2">
            {analysis.flags.map((flag, i) => (
              <li key={`${i}:${flag.sentence}`} data-testid="claim-flag" className="flex gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-2">
                <CircleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden="true" />
                <div className="min-w-0">
                  <p className="break-words">“{flag.sentence}”</p>
                  <p className="text-muted-foreground">{flag.reason} Add a fact with its source, or change the sentence.</p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="text-muted-foreground">No unsupported claims found.</p>
      )}
      {analysis.supported.length > 0 ? (
        <section aria-labelledby="claims-supported" className="grid gap-2">
          <h3 id="claims-supported" className="font-medium">Personal claims and their sources</h3>
          <ul className="grid gap-2">
            {analysis.supported.map(({ sentence, fact }, i) => (
              <li key={`${i}:${sentence}`} data-testid="claim-supported" className="grid gap-1 rounded-md border-l-2 border-emerald-500 bg-emerald-500/5 py-1.5 pr-2 pl-3">
                <p className="break-words">“{sentence}”</p>
                <FactLink fact={fact} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {cited.length > 0 || unknownIds.length > 0 ? (
        <section aria-labelledby="claims-cited" className="grid gap-2" data-testid="facts-used">
          <h3 id="claims-cited" className="font-medium">Facts the writer says it used</h3>
          {cited.length > 0 ? (
            <ul className="grid gap-1.5">
              {cited.map((fact) => (
                <li key={fact.id}><FactLink fact={fact} /></li>
              ))}
            </ul>
          ) : null}
          {unknownIds.length > 0 ? (
            <p className="text-destructive">It also cited {unknownIds.join(", ")}, which is not in your facts list (removed since, or made up): check what it claims.</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function FactLink({ fact }: { fact: ComposerFact }) {
  return (
    <div className="flex min-w-0 items-start gap-2 text-muted-foreground">
      <Badge variant="outline" className="mt-px font-mono">{fact.id}</Badge>
      <p className="min-w-0 break-words">
        {fact.claim}{" "}
        <a href={fact.sourceUrl} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 whitespace-nowrap text-foreground underline underline-offset-4">
          {sourceHost(fact.sourceUrl)}
          <ExternalLink className="size-3" aria-hidden="true" />
          <span className="sr-only">(source of {fact.id}, opens in a new tab)</span>
        </a>
      </p>
    </div>
  );
}
