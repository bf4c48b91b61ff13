import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

const TONE: Record<string, string> = {
  completed: "border-emerald-500/40 text-emerald-700 dark:text-emerald-400",
  failed: "border-destructive/50 text-destructive",
  cancelled: "text-muted-foreground",
  running: "border-sky-500/40 text-sky-700 dark:text-sky-400",
  sleeping: "border-amber-500/40 text-amber-700 dark:text-amber-400",
  waiting: "border-violet-500/40 text-violet-700 dark:text-violet-400",
};

export function RunStatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="outline" className={cn("capitalize", TONE[status])} data-testid="run-status">
      {status}
    </Badge>
  );
}

export function formatTime(date: Date | null): string {
  return date ? `${date.toISOString().replace("T", " ").slice(0, 19)} UTC` : "—";
}

export function formatDuration(start: Date | null, end: Date | null): string {
  if (!start) return "—";
  const ms = (end ?? new Date()).getTime() - start.getTime();
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
