import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

const LABEL: Record<string, string> = { pending: "Needs mapping", running: "Importing", completed: "Completed", failed: "Failed" };
const TONE: Record<string, string> = {
  pending: "border-amber-500/40 text-amber-700 dark:text-amber-400",
  running: "border-sky-500/40 text-sky-700 dark:text-sky-400",
  completed: "border-emerald-500/40 text-emerald-700 dark:text-emerald-400",
  failed: "border-destructive/50 text-destructive",
};

export function ImportStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="outline" className={cn(TONE[status])} data-testid="import-status">
      {LABEL[status] ?? status}
    </Badge>
  );
}
