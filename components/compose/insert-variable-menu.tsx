"use client";
// "Insert variable": a lead field the sender fills in per recipient, placed at the cursor.
import { Braces } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

// Names match lib/email/render/lead-variables.ts; a fallback after "|" keeps the email readable when a lead lacks the value.
export const VARIABLES = [
  { token: "{{first_name|there}}", label: "First name", hint: "or “there”" },
  { token: "{{last_name}}", label: "Last name" },
  { token: "{{full_name|there}}", label: "Full name", hint: "or “there”" },
  { token: "{{company|your team}}", label: "Company", hint: "or “your team”" },
  { token: "{{title}}", label: "Title" },
  { token: "{{website}}", label: "Website" },
] as const;

export function InsertVariableMenu({ onInsert, disabled }: { onInsert: (token: string) => void; disabled?: boolean }) {
  const chosen = useRef<string | null>(null);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild disabled={disabled}>
        <Button type="button" variant="outline" size="sm">
          <Braces aria-hidden="true" /> Insert variable
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent
        align="start"
        onCloseAutoFocus={(e) => {
          // After a pick, focus goes to the field the variable went into; Escape returns it to the button as usual.
          const token = chosen.current;
          if (token === null) return;
          chosen.current = null;
          e.preventDefault();
          onInsert(token);
        }}
      >
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">Filled from the lead when sent</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {VARIABLES.map((v) => (
          <DropdownMenuItem key={v.token} onSelect={() => { chosen.current = v.token; }}>
            <span>{v.label}</span>
            {"hint" in v ? <span className="text-xs text-muted-foreground">{v.hint}</span> : null}
            <code className="ml-auto pl-3 text-xs text-muted-foreground">{v.token}</code>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
