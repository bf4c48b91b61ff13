import { cn } from "@/lib/cn";

type FieldErrorProps = {
  /** Messages for one field, e.g. from zod's `flattenError(error).fieldErrors[name]`. */
  messages?: string[];
  id?: string;
  className?: string;
};

/** Errors shown under an input; give it an `id` and point the input's `aria-describedby` at it. */
export function FieldError({ messages, id, className }: FieldErrorProps) {
  const visible = [...new Set(messages ?? [])].filter((message) => message.trim() !== "");
  if (visible.length === 0) return null;

  return (
    <div
      id={id}
      role="alert"
      data-slot="field-error"
      className={cn("text-sm text-destructive", className)}
    >
      {visible.length === 1 ? (
        <p>{visible[0]}</p>
      ) : (
        <ul className="list-inside list-disc space-y-0.5">
          {visible.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
