// When a sequence step becomes due, counted from the moment the previous step went out (or was skipped).
import type { SequenceStep } from "@/db/schema/sequences";

export function stepDueAt(from: Date, step: Pick<SequenceStep, "delayMinutes" | "delayBusinessDays">, _timeZone: string): Date {
  return new Date(from.getTime() + step.delayMinutes * 60_000);
}
