// "Why it was sent": the step's condition as evaluated when the email was queued, and every check the send claim
// passed (or the one that stopped it) just before the email left.
import { Check, X } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { SendRecord } from "@/db/schema/emails";

const CONDITION: Record<string, string> = { always: "Always", no_reply: "If no reply", opened: "If opened", not_opened: "If not opened", clicked: "If clicked" };

export function SendRecordCard({ record, sent }: { record: SendRecord; sent: boolean }) {
  return (
    <Card>
      <CardHeader><CardTitle>{sent ? "Why it was sent" : "Checks before sending"}</CardTitle></CardHeader>
      <CardContent className="grid gap-3 text-sm" data-testid="send-record">
        {record.step ? (
          <p>
            Step {record.step.position + 1} · {CONDITION[record.step.condition] ?? record.step.condition}: {record.step.conditionDetail ?? (record.step.conditionMet ? "met" : "not met")}
            {record.step.variant ? ` · variant ${record.step.variant}` : ""}
            {record.step.mailbox ? ` · from ${record.step.mailbox}` : ""}
          </p>
        ) : null}
        {record.checks?.length ? (
          <ul className="grid gap-1">
            {record.checks.map((c) => (
              <li key={c.name} className="flex items-start gap-2">
                {c.passed ? <Check className="mt-0.5 size-4 text-emerald-600" aria-label="passed" /> : <X className="mt-0.5 size-4 text-destructive" aria-label="failed" />}
                <span>
                  {c.name}
                  {c.detail ? <span className="text-muted-foreground"> — {c.detail}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">Not checked yet: the checks run in the moment before sending.</p>
        )}
        {record.checkedAt ? <p className="text-xs text-muted-foreground">Checked {record.checkedAt.replace("T", " ").slice(0, 19)} UTC</p> : null}
      </CardContent>
    </Card>
  );
}
