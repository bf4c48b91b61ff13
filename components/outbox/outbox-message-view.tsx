import type { OutboxMessage } from "@/db/schema/outbox";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

/** One captured message: the HTML in a sandboxed frame (no scripts), the text alternative and the headers. */
export function OutboxMessageView({ message }: { message: OutboxMessage }) {
  // Links from the text part, so a local sign-in or invitation link is one click away.
  const links = [...new Set(message.text.match(/https?:\/\/[^\s\])>]+/g) ?? [])];
  return (
    <article className="grid gap-4">
      <dl className="grid grid-cols-[4rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted-foreground">From</dt>
        <dd className="break-all">{message.from}</dd>
        <dt className="text-muted-foreground">To</dt>
        <dd className="break-all" data-testid="message-to">{message.to}</dd>
        <dt className="text-muted-foreground">Subject</dt>
        <dd className="font-medium">{message.subject}</dd>
      </dl>
      {links.length > 0 ? (
        <div className="flex flex-wrap gap-2 text-sm">
          <span className="text-muted-foreground">Links:</span>
          {links.map((href) => (
            <a key={href} href={href} className="max-w-full truncate text-primary underline underline-offset-4" data-testid="message-link">
              {href}
            </a>
          ))}
        </div>
      ) : null}
      <Tabs defaultValue="html">
        <TabsList>
          <TabsTrigger value="html">HTML</TabsTrigger>
          <TabsTrigger value="text">Text</TabsTrigger>
          <TabsTrigger value="headers">Headers</TabsTrigger>
        </TabsList>
        <TabsContent value="html">
          {/* allow-popups lets links open in a new tab; without allow-scripts nothing in the mail runs. */}
          <iframe title="Email HTML" sandbox="allow-popups allow-popups-to-escape-sandbox" srcDoc={message.html} className="h-[560px] w-full rounded-lg border bg-white" />
        </TabsContent>
        <TabsContent value="text">
          <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg border p-4 text-sm" data-testid="message-text">{message.text}</pre>
        </TabsContent>
        <TabsContent value="headers">
          <pre className="overflow-x-auto rounded-lg border p-4 text-xs">
            {Object.entries(message.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}
          </pre>
        </TabsContent>
      </Tabs>
    </article>
  );
}
