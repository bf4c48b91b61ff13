"use client";
// What the email should achieve, in which tone, at which length.
import { FieldError } from "@/components/form-field-error";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { EMAIL_LENGTHS, EMAIL_TONES, LENGTH_WORDS, type EmailLength, type EmailTone } from "@/lib/ai/generate-email.schema";
import type { FieldErrors } from "./composer-types";

const TONE_LABELS: Record<EmailTone, string> = { friendly: "Friendly", professional: "Professional", direct: "Direct", casual: "Casual" };
const LENGTH_LABELS: Record<EmailLength, string> = { short: "Short", medium: "Medium", long: "Long" };

export function BriefFields({
  goal,
  tone,
  length,
  onGoal,
  onTone,
  onLength,
  errors,
}: {
  goal: string;
  tone: EmailTone;
  length: EmailLength;
  onGoal: (value: string) => void;
  onTone: (value: EmailTone) => void;
  onLength: (value: EmailLength) => void;
  errors?: FieldErrors;
}) {
  return (
    <div className="grid gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="compose-goal">Goal</Label>
        <Textarea
          id="compose-goal"
          value={goal}
          onChange={(e) => onGoal(e.target.value)}
          rows={2}
          maxLength={500}
          placeholder="Book a 15-minute call about cutting their onboarding time"
          aria-invalid={!!errors?.goal}
          aria-describedby={errors?.goal ? "compose-goal-error" : "compose-goal-hint"}
        />
        <FieldError id="compose-goal-error" messages={errors?.goal} />
        {errors?.goal ? null : <p id="compose-goal-hint" className="text-xs text-muted-foreground">One outcome, in your words. The email ends with one ask for it.</p>}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="compose-tone">Tone</Label>
          <NativeSelect id="compose-tone" value={tone} onChange={(e) => onTone(e.target.value as EmailTone)} className="w-full">
            {EMAIL_TONES.map((t) => (
              <option key={t} value={t}>{TONE_LABELS[t]}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="compose-length">Length (words)</Label>
          <NativeSelect id="compose-length" value={length} onChange={(e) => onLength(e.target.value as EmailLength)} className="w-full">
            {EMAIL_LENGTHS.map((l) => (
              <option key={l} value={l}>{`${LENGTH_LABELS[l]}, ${LENGTH_WORDS[l].min}–${LENGTH_WORDS[l].max}`}</option>
            ))}
          </NativeSelect>
        </div>
      </div>
    </div>
  );
}
