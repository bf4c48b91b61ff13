import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";
import { TeamSwitcher } from "@/components/shell/team-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { ThemeToggle } from "@/components/theme-toggle";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { countUnreadInbox } from "@/lib/inbox/list-inbox";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listUserTeams } from "@/lib/teams/get-membership";
import { markNotificationsReadAction } from "./inbox/notification-actions";

export default async function TeamLayout({ children, params }: { children: ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug);
  const [memberships, unreadReplies, notifications] = await Promise.all([
    listUserTeams({ userId: ctx.user.id }),
    countUnreadInbox({ teamId: ctx.teamId }),
    listNotifications({ teamId: ctx.teamId, userId: ctx.user.id }),
  ]);
  const counts = { inbox: unreadReplies };
  const bellItems = notifications.items.map((n) => ({ id: n.id, title: n.title, body: n.body, href: n.href, read: !!n.readAt, at: n.createdAt.toISOString() }));
  const options = memberships.map((m) => ({ slug: m.team.slug, name: m.team.name, role: m.role }));
  const current = { slug: ctx.team.slug, name: ctx.team.name, role: ctx.role };
  const switcher = <TeamSwitcher current={current} teams={options} />;

  return (
    <div className="flex min-h-dvh">
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col gap-4 border-r bg-sidebar p-4 md:flex">
        <div className="px-1 text-sm font-semibold tracking-tight">Sales Copilot</div>
        {switcher}
        <NavLinks teamSlug={slug} counts={counts} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex h-14 items-center justify-between gap-2 border-b bg-background/95 px-4 backdrop-blur">
          <div className="flex items-center gap-2">
            <MobileNav teamSlug={slug} teamSwitcher={switcher} counts={counts} />
            <span className="text-sm font-medium md:hidden">{ctx.team.name}</span>
          </div>
          <div className="flex items-center gap-1">
            <NotificationBell items={bellItems} unread={notifications.unread} markRead={markNotificationsReadAction.bind(null, slug)} />
            <ThemeToggle />
            <UserMenu email={ctx.user.email} name={ctx.user.name} />
          </div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">{children}</main>
      </div>
    </div>
  );
}
