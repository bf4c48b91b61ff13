"use client";

import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent, type FormEvent } from "react";
import { FieldError } from "@/components/form-field-error";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";

/** Drop or choose a CSV; it is posted as multipart to the upload route, then the mapping screen opens. */
export function UploadCsvForm({ teamSlug }: { teamSlug: string }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files?.[0];
    if (dropped) {
      setFile(dropped);
      setError(null);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = file ?? inputRef.current?.files?.[0] ?? null;
    if (!chosen) return setError("Choose a CSV file to upload.");
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.append("file", chosen, chosen.name);
      const res = await fetch(`/api/teams/${teamSlug}/imports`, { method: "POST", body });
      const json = await res.json().catch(() => null);
      if (!res.ok) return setError(json?.error?.message ?? "The upload failed. Please try again.");
      router.push(`/${teamSlug}/leads/import/${json.importId}`);
    } catch {
      setError("The upload was interrupted. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="csv-drop-zone"
        className={cn(
          "flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors",
          dragging ? "border-primary bg-primary/5" : "border-muted-foreground/25",
        )}
      >
        <FileUp className="size-8 text-muted-foreground" aria-hidden="true" />
        <p className="text-sm font-medium">{file ? file.name : "Drag a CSV file here"}</p>
        <div className="grid justify-items-center gap-1.5">
          <Label htmlFor="csv-file">CSV file</Label>
          <input
            ref={inputRef}
            id="csv-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={!!error}
            aria-describedby={error ? "csv-file-error" : undefined}
            className="text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5 file:text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            }}
          />
        </div>
      </div>
      <FieldError id="csv-file-error" messages={error ? [error] : undefined} />
      <div>
        <Button type="submit" disabled={pending}>{pending ? "Uploading…" : "Upload and map columns"}</Button>
      </div>
    </form>
  );
}
