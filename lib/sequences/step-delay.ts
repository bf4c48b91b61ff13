// When a sequence step is due: plain minutes after the previous send, or N business days (Mon–Fri in the
// schedule's zone) later at the same local time of day, so "2 business days" after Friday 10:00 is Tuesday 10:00.
import { addLocalDays, zonedParts, zonedToInstant } from "@/lib/mailboxes/zoned-time";

export type StepDelay = { delayMinutes: number; delayBusinessDays: boolean };

const isWeekday = (weekday: number) => weekday >= 1 && weekday <= 5;

export function addStepDelay(from: Date, step: StepDelay, timeZone: string): Date {
  if (!step.delayBusinessDays) return new Date(from.getTime() + step.delayMinutes * 60_000);
  const days = Math.round(step.delayMinutes / 1440);
  if (days <= 0) return new Date(from.getTime());
  const local = zonedParts(from, timeZone);
  let date = { year: local.year, month: local.month, day: local.day };
  let weekday = local.weekday;
  for (let counted = 0; counted < days; ) {
    date = addLocalDays(date, 1);
    weekday = (weekday + 1) % 7;
    if (isWeekday(weekday)) counted++;
  }
  const at = zonedToInstant(date, local.minuteOfDay, timeZone);
  return new Date(at.getTime() + local.second * 1000 + (from.getTime() % 1000));
}
