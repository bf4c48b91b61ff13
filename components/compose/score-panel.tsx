"use client";
// The live pre-send score: what costs points, and the concrete fix for each.
import { CheckCircle2, CircleAlert } from "lucide-react";
import type { EmailScore } from "@/lib/ai/score-email";
import { cn } from "@/lib/cn";

function band(score: number): { label: string; className: string } {
  if (score >= 80) return { label: "ready to send", className: "text-emerald-600 dark:text-emerald-400" };
  if (score >= 60) return { label: "worth a second look", className: "text-amber-600 dark:text-amber-400" };
  return { label: "needs work", className: "text-destructive" };
}

export function ScorePanel({ result }: { result: EmailScore | null }) {
  if (!result) {
    return <p className="text-sm text-muted-foreground">Write or type a draft to see its score.</p>;
  }
  const failing = result.checks.filter((c) => !c.passed);
  const passing = result.checks.filter((c) => c.passed);
  const { label, className } = band(result.score);
  return (
    <div className="grid gap-3">
      <div className="flex items-baseline gap-2">
        <span className={cn("text-3xl font-semibold tabular-nums", className)} data-testid="email-score">{result.score}</span>
        <span className="text-sm text-muted-foreground">/ 100 · {label}</span>
      </div>
      <div className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden="true">
        <div className={cn("h-full rounded-full bg-current transition-[width]", className)} style={{ width: `${result.score}%` }} />
      </div>
      {failing.length > 0 ? (
        <ul className="grid gap-2" aria-label="How to raise the score">
          {failing.map((c) => (
            <li key={c.id} className="flex gap-2 text-sm">
              <CircleAlert className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" aria-hidden="true" />
              <div className="min-w-0">
                <p>
                  <span className="font-medium">{c.label}</span> <span className="text-muted-foreground">({c.detail}, −{c.weight})</span>
                </p>
                {c.fix ? <p className="text-muted-foreground">{c.fix}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">Every check passes.</p>
      )}
      {passing.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer rounded-sm text-muted-foreground outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            {passing.length} {passing.length === 1 ? "check passes" : "checks pass"}
          </summary>
          <ul className="mt-2 grid gap-1">
            {passing.map((c) => (
              <li key={c.id} className="flex items-center gap-2">
                <CheckCircle2 className="size-4 shrink-0 text-emerald-600 dark:text-emerald-400" aria-hidden="true" />
                <span>{c.label}</span> <span className="text-muted-foreground">({c.detail})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
