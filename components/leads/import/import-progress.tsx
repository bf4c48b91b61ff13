/** processed / total as a bar; the total is the upload's line count until the import has read every row. */
export function ImportProgress({ processed, total }: { processed: number; total: number }) {
  const max = Math.max(total, processed, 1);
  const percent = Math.min(100, Math.round((processed / max) * 100));
  return (
    <div className="grid gap-2">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={processed}
        aria-valuetext={`${processed.toLocaleString("en-US")} of ${max.toLocaleString("en-US")} rows`}
        className="h-3 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-muted-foreground" data-testid="import-progress-text">
        {processed.toLocaleString("en-US")} of {max.toLocaleString("en-US")} rows processed ({percent}%)
      </p>
    </div>
  );
}
