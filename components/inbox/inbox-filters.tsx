"use client";
// The Inbox filters: each select changes the URL at once (a GET form underneath, so links and reloads keep it).
import { usePathname, useRouter } from "next/navigation";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { InboxFilter } from "@/lib/inbox/list-inbox.schema";
import { INTENT_LABEL, INTENT_OPTIONS } from "./intent-badge";

type Options = { campaigns: { id: string; name: string }[]; mailboxes: { id: string; email: string }[] };

export function InboxFilters({ filter, options }: { filter: InboxFilter; options: Options }) {
  const router = useRouter();
  const pathname = usePathname();
  const onChange = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const query = new URLSearchParams();
    // Only chosen values go in the URL, and no page: a filter change starts again at page 1.
    for (const [key, value] of new FormData(event.currentTarget.form!)) if (value && !(key === "view" && value === "all")) query.set(key, String(value));
    router.push(query.size ? `${pathname}?${query}` : pathname);
  };
  const select = (id: string, label: string, name: string, value: string | undefined, children: React.ReactNode) => (
    <div className="grid gap-1">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""} onChange={onChange}>{children}</NativeSelect>
    </div>
  );
  return (
    <form role="search" method="get" aria-label="Inbox filters" className="grid gap-3 rounded-lg border p-3 sm:grid-cols-2 lg:grid-cols-4" key={[filter.view, filter.intent, filter.campaignId, filter.mailboxId].join("|")}>
      {select("inbox-view", "Show", "view", filter.view, (
        <>
          <option value="all">Inbox</option>
          <option value="unread">Unread</option>
          <option value="snoozed">Snoozed</option>
        </>
      ))}
      {select("inbox-intent", "Intent", "intent", filter.intent, (
        <>
          <option value="">Any intent</option>
          {INTENT_OPTIONS.map((i) => <option key={i} value={i}>{INTENT_LABEL[i]}</option>)}
        </>
      ))}
      {select("inbox-campaign", "Campaign", "campaign", filter.campaignId, (
        <>
          <option value="">Any campaign</option>
          {options.campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </>
      ))}
      {select("inbox-mailbox", "Mailbox", "mailbox", filter.mailboxId, (
        <>
          <option value="">Any mailbox</option>
          {options.mailboxes.map((m) => <option key={m.id} value={m.id}>{m.email}</option>)}
        </>
      ))}
      <noscript><button type="submit">Apply</button></noscript>
    </form>
  );
}
