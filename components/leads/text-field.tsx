// A labelled input with its field errors wired to aria-describedby, for the lead forms.
import { FieldError } from "@/components/form-field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

type Props = {
  id: string;
  name: string;
  label: string;
  defaultValue?: string | null;
  errors?: string[];
  type?: string;
  placeholder?: string;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
};

export function TextField({ id, name, label, defaultValue, errors, type = "text", placeholder, hint, multiline, required }: Props) {
  const describedBy = errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const common = { id, name, defaultValue: defaultValue ?? "", placeholder, "aria-invalid": !!errors?.length, "aria-describedby": describedBy, required };
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {multiline ? <Textarea rows={3} {...common} /> : <Input type={type} {...common} />}
      {hint && !errors?.length ? <p id={`${id}-hint`} className="text-xs text-muted-foreground">{hint}</p> : null}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
