"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import { NAV_ITEMS } from "./nav-items";

/** `counts`: a number shown beside a section (unread replies on Inbox), keyed by the item's href. */
export function NavLinks({ teamSlug, onNavigate, counts }: { teamSlug: string; onNavigate?: () => void; counts?: Record<string, number> }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const target = `/${teamSlug}/${href}`;
        const active = pathname === target || pathname.startsWith(`${target}/`);
        return (
          <Link
            key={href}
            href={target}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted-foreground transition-colors hover:bg-accent hover:text-accent-foreground",
              active && "bg-accent font-medium text-accent-foreground",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            {label}
            {counts?.[href] ? (
              <span className="ml-auto rounded-full bg-primary px-1.5 text-xs leading-5 font-medium text-primary-foreground tabular-nums" data-testid={`nav-count-${href}`} aria-label={`${counts[href]} unread`}>
                {counts[href] > 99 ? "99+" : counts[href]}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
