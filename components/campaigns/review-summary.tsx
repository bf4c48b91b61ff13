// The review screen's body: who would be emailed, what blocks the start (with where to fix it), and what to double-check.
import { AlertTriangle, CircleX } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { CampaignReview } from "@/lib/campaigns/review-campaign";

const COUNTS: { key: keyof CampaignReview["counts"]; label: string }[] = [
  { key: "selected", label: "Selected" },
  { key: "eligible", label: "Will be enrolled" },
  { key: "unsubscribed", label: "Unsubscribed" },
  { key: "bounced", label: "Bounced" },
  { key: "suppressed", label: "Suppressed" },
  { key: "alreadyEnrolled", label: "Already enrolled" },
];

export function ReviewSummary({ teamSlug, review }: { teamSlug: string; review: CampaignReview }) {
  return (
    <div className="grid gap-6">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {COUNTS.map(({ key, label }) => (
          <div key={key} className="rounded-lg border p-3">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`count-${key}`}>{review.counts[key].toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      {review.blockers.length > 0 ? (
        <Alert variant="destructive">
          <CircleX aria-hidden="true" />
          <AlertTitle>Fix {review.blockers.length === 1 ? "this" : `these ${review.blockers.length}`} before starting</AlertTitle>
          <AlertDescription>
            <ul className="mt-1 grid list-disc gap-1 pl-4" data-testid="review-blockers">
              {review.blockers.map((message, i) => {
                const fix = review.fixes[i];
                return (
                  <li key={message}>
                    {message}{" "}
                    {fix ? <Link className="font-medium underline underline-offset-4" href={`/${teamSlug}${fix.path}`}>{fix.label}</Link> : null}
                  </li>
                );
              })}
            </ul>
          </AlertDescription>
        </Alert>
      ) : (
        <p className="text-sm text-emerald-700 dark:text-emerald-400" data-testid="review-ready">Nothing blocks this campaign. Start it when you are ready.</p>
      )}
      {review.warnings.length > 0 ? (
        <Alert>
          <AlertTriangle aria-hidden="true" className="text-amber-600" />
          <AlertTitle>Worth a look</AlertTitle>
          <AlertDescription>
            <ul className="mt-1 grid list-disc gap-1 pl-4" data-testid="review-warnings">
              {review.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}
