"use client";
// A destructive button that asks first: the confirm dialog posts a small form (hidden fields) to a bound action.
import type { ReactNode } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

type Props = {
  trigger: { label: string; ariaLabel?: string; variant?: "destructive" | "ghost"; className?: string };
  title: string;
  description: ReactNode;
  confirmLabel: string;
  fields: Record<string, string>;
  formAction: (payload: FormData) => void;
  pending?: boolean;
  error?: string;
};

export function ConfirmActionDialog({ trigger, title, description, confirmLabel, fields, formAction, pending, error }: Props) {
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button type="button" size="sm" variant={trigger.variant ?? "destructive"} className={trigger.className} disabled={pending} aria-label={trigger.ariaLabel}>
          {trigger.label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <form action={formAction}>
            {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
            <Button type="submit" variant="destructive" disabled={pending}>{pending ? "Working…" : confirmLabel}</Button>
          </form>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
