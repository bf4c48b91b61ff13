import {
  BarChart3,
  Cog,
  FileText,
  Inbox,
  LayoutDashboard,
  ListOrdered,
  Mail,
  Megaphone,
  PenLine,
  Send,
  Timer,
  Users,
  UsersRound,
  type LucideIcon,
} from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon };

/** Every section of the product, in the order a rep meets them. `href` is relative to /<team>. */
export const NAV_ITEMS: NavItem[] = [
  { href: "dashboard", label: "Dashboard", icon: LayoutDashboard },
  { href: "compose", label: "Compose", icon: PenLine },
  { href: "leads", label: "Leads", icon: UsersRound },
  { href: "templates", label: "Templates", icon: FileText },
  { href: "sequences", label: "Sequences", icon: ListOrdered },
  { href: "campaigns", label: "Campaigns", icon: Megaphone },
  { href: "inbox", label: "Inbox", icon: Inbox },
  { href: "analytics", label: "Analytics", icon: BarChart3 },
  { href: "mailboxes", label: "Mailboxes", icon: Mail },
  { href: "outbox", label: "Outbox", icon: Send },
  { href: "team", label: "Team", icon: Users },
  { href: "jobs", label: "Jobs", icon: Timer },
  { href: "settings", label: "Settings", icon: Cog },
];
