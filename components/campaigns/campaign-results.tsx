// Campaign results: headline figures, then per step and per A/B variant with the winner (or why there is none yet).
import { Trophy } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AbVerdict } from "@/lib/campaigns/ab-winner";
import type { CampaignResults as Results, StepResult } from "@/lib/campaigns/get-campaign-results";

export const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;

function Stat({ label, value, rate, testId }: { label: string; value: number; rate?: number; testId: string }) {
  return (
    <div className="rounded-lg border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={testId}>{value.toLocaleString("en-US")}</dd>
      {rate !== undefined ? <dd className="text-xs text-muted-foreground tabular-nums">{percent(rate)}</dd> : null}
    </div>
  );
}

function VerdictNote({ verdict, step }: { verdict: AbVerdict; step: StepResult }) {
  if (verdict.kind === "single_variant") return null;
  if (verdict.kind === "winner") {
    const label = step.variants.find((v) => v.variantId === verdict.variantId)?.label;
    return <p className="text-sm">Variant <strong>{label}</strong> wins on reply rate (p = {verdict.pValue.toFixed(3)}).</p>;
  }
  const more = verdict.moreSendsPerVariant;
  return (
    <p className="text-sm text-muted-foreground" data-testid="ab-not-enough">
      Not enough data yet. {verdict.reason}
      {more ? ` Roughly ${more.toLocaleString("en-US")} more sends per variant needed.` : ""}
    </p>
  );
}

export function CampaignResults({ results }: { results: Results }) {
  const t = results.totals;
  return (
    <section aria-labelledby="results-heading" className="grid gap-4">
      <h2 id="results-heading" className="text-lg font-semibold">Results</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Stat label="Enrolled" value={t.enrolled} testId="stat-enrolled" />
        <Stat label="Active" value={t.active} testId="stat-active" />
        <Stat label="Sent" value={t.sent} testId="stat-sent" />
        <Stat label="Opened (human)" value={t.opened} rate={t.openRate} testId="stat-opened" />
        <Stat label="Clicked" value={t.clicked} rate={t.clickRate} testId="stat-clicked" />
        <Stat label="Replied" value={t.replied} rate={t.replyRate} testId="stat-replied" />
        <Stat label="Positive replies" value={t.positive} testId="stat-positive" />
        <Stat label="Bounced" value={t.bounced} rate={t.bounceRate} testId="stat-bounced" />
        <Stat label="Unsubscribed" value={t.unsubscribed} testId="stat-unsubscribed" />
      </dl>
      {results.steps.length === 0 ? null : (
        <div className="grid gap-4">
          {results.steps.map((step) => (
            <Card key={step.position} data-testid="step-results">
              <CardHeader>
                <CardTitle className="text-base">Step {step.position + 1}</CardTitle>
                <CardDescription>
                  {step.sent.toLocaleString("en-US")} sent · {percent(step.openRate)} opened · {percent(step.clickRate)} clicked · {percent(step.replyRate)} replied
                </CardDescription>
              </CardHeader>
              <CardContent className="grid gap-3">
                <div className="overflow-x-auto rounded-lg border">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Variant</TableHead>
                        <TableHead className="text-right">Sent</TableHead>
                        <TableHead className="text-right">Opened</TableHead>
                        <TableHead className="text-right">Clicked</TableHead>
                        <TableHead className="text-right">Replied</TableHead>
                        <TableHead className="text-right">Positive</TableHead>
                        <TableHead className="text-right">Bounced</TableHead>
                        <TableHead className="text-right">Unsubscribed</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {step.variants.map((v) => (
                        <TableRow key={v.variantId ?? "none"} data-testid="variant-row">
                          <TableCell className="font-medium">
                            <span className="flex items-center gap-2">
                              {v.label}
                              {step.verdict.kind === "winner" && step.verdict.variantId === v.variantId ? (
                                <Badge data-testid="winner-badge"><Trophy aria-hidden="true" />Winner</Badge>
                              ) : null}
                            </span>
                          </TableCell>
                          <TableCell className="text-right tabular-nums">{v.sent}</TableCell>
                          <TableCell className="text-right tabular-nums">{v.opened} <span className="text-muted-foreground">({percent(v.openRate)})</span></TableCell>
                          <TableCell className="text-right tabular-nums">{v.clicked} <span className="text-muted-foreground">({percent(v.clickRate)})</span></TableCell>
                          <TableCell className="text-right tabular-nums">{v.replied} <span className="text-muted-foreground">({percent(v.replyRate)})</span></TableCell>
                          <TableCell className="text-right tabular-nums">{v.positive}</TableCell>
                          <TableCell className="text-right tabular-nums">{v.bounced}</TableCell>
                          <TableCell className="text-right tabular-nums">{v.unsubscribed}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
                <VerdictNote verdict={step.verdict} step={step} />
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}
