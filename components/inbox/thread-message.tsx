// One message of a conversation. Their HTML is never put into our page: we show the text, and the original
// HTML only inside a sandboxed frame with no permissions at all (no scripts, forms, popups or same-origin).
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { ThreadMessage as Message } from "@/lib/inbox/get-inbox-thread";
import { LocalTime } from "./local-time";

export function ThreadMessage({ message, highlighted }: { message: Message; highlighted: boolean }) {
  const ours = message.direction === "outbound";
  const from = message.fromName ? `${message.fromName} <${message.fromAddress}>` : message.fromAddress;
  return (
    <article
      data-testid="thread-message"
      data-direction={message.direction}
      data-message-id={message.messageId ?? undefined}
      aria-label={`${ours ? "Sent" : "Received"} message from ${message.fromAddress}`}
      className={cn("grid gap-3 rounded-lg border p-4", ours ? "bg-muted/40" : "bg-background", highlighted && "ring-2 ring-primary/30")}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <dl className="grid grid-cols-[4rem_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-muted-foreground">From</dt>
          <dd className="break-all font-medium">{from}</dd>
          <dt className="text-muted-foreground">To</dt>
          <dd className="break-all">{[...message.toAddresses, ...message.ccAddresses].join(", ")}</dd>
          <dt className="text-muted-foreground">Subject</dt>
          <dd className="break-words">{message.subject || "(no subject)"}</dd>
        </dl>
        <div className="flex flex-col items-end gap-1 text-xs text-muted-foreground">
          <Badge variant={ours ? "secondary" : "outline"}>{ours ? (message.pending ? "Sending…" : "Sent by us") : "Their reply"}</Badge>
          <LocalTime iso={message.at.toISOString()} />
        </div>
      </header>
      <pre className="overflow-x-auto whitespace-pre-wrap break-words font-sans text-sm leading-relaxed" data-testid="thread-message-text">{message.text.trim() || "(empty message)"}</pre>
      {!ours && message.bodyHtml ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">Show the original formatting</summary>
          <iframe title={`Original HTML of the message from ${message.fromAddress}`} sandbox="" srcDoc={message.bodyHtml} className="mt-2 h-96 w-full rounded-md border bg-white" />
        </details>
      ) : null}
    </article>
  );
}
