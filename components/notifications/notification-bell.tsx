"use client";
// The header bell: this member's unread count in this team, and the latest notifications linking where they point.
import { BellIcon } from "lucide-react";
import Link from "next/link";
import { startTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ActionState } from "@/lib/auth/team-action";
import { cn } from "@/lib/cn";

export type BellItem = { id: string; title: string; body: string; href: string | null; read: boolean; at: string };
type MarkRead = (prev: ActionState<{ marked: number }>, input: { ids: string[] }) => Promise<ActionState<{ marked: number }>>;

export function NotificationBell({ items, unread, markRead }: { items: BellItem[]; unread: number; markRead: MarkRead }) {
  const mark = (ids: string[]) => startTransition(() => void markRead(undefined, { ids }));
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"} data-testid="notification-bell">
          <BellIcon />
          {unread ? (
            <span className="absolute -top-0.5 -right-0.5 flex min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[10px] leading-4 font-semibold text-primary-foreground" data-testid="notification-count">
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <div className="flex items-center justify-between">
          <DropdownMenuLabel>Notifications</DropdownMenuLabel>
          {unread ? (
            <Button variant="link" size="sm" className="h-auto px-2 text-xs" onClick={() => mark([])}>Mark all read</Button>
          ) : null}
        </div>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <p className="px-2 py-4 text-center text-sm text-muted-foreground">Nothing yet. Interested replies and mailbox problems show up here.</p>
        ) : (
          items.map((n) => {
            const content = (
              <div className="grid gap-0.5">
                <span className={cn("text-sm", !n.read && "font-semibold")}>{n.title}</span>
                {n.body ? <span className="line-clamp-2 text-xs text-muted-foreground">{n.body}</span> : null}
              </div>
            );
            return (
              <DropdownMenuItem key={n.id} asChild={!!n.href} onSelect={() => (n.read ? undefined : mark([n.id]))} data-testid="notification-item">
                {n.href ? <Link href={n.href}>{content}</Link> : content}
              </DropdownMenuItem>
            );
          })
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
