import type { ReplyIntent } from "@/db/schema/emails";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

export const INTENT_LABEL: Record<ReplyIntent, string> = {
  interested: "Interested",
  question: "Question",
  not_interested: "Not interested",
  out_of_office: "Out of office",
  wrong_person: "Wrong person",
  unsubscribe_request: "Unsubscribe request",
  auto_reply: "Auto-reply",
  bounce: "Bounce",
};

/** Every intent in menu order, without pulling the database schema into client bundles. */
export const INTENT_OPTIONS = Object.keys(INTENT_LABEL) as ReplyIntent[];

const TONE: Partial<Record<ReplyIntent, string>> = {
  interested: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  question: "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-300",
  not_interested: "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
  unsubscribe_request: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300",
  wrong_person: "border-amber-300 bg-amber-50 text-amber-800 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300",
  out_of_office: "border-violet-300 bg-violet-50 text-violet-800 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-300",
};

export function IntentBadge({ intent }: { intent: ReplyIntent | null }) {
  if (!intent) return <Badge variant="outline" className="text-muted-foreground">Unclassified</Badge>;
  return (
    <Badge variant="outline" className={cn(TONE[intent])} data-testid="intent-badge">
      {INTENT_LABEL[intent]}
    </Badge>
  );
}
