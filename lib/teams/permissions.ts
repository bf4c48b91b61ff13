// What each role may do. Checked by the action/route wrappers before any body runs.
import type { TeamRole } from "@/db/schema/teams";

export const PERMISSIONS = {
  "data:read": ["owner", "admin", "member"],
  "data:write": ["owner", "admin", "member"],
  "team:invite": ["owner", "admin"],
  "team:manage-members": ["owner", "admin"],
  "team:settings": ["owner", "admin"],
  "jobs:view": ["owner", "admin"],
} as const satisfies Record<string, readonly TeamRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: TeamRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly TeamRole[]).includes(role);
}

const RANK: Record<TeamRole, number> = { member: 1, admin: 2, owner: 3 };

/** An actor may change only members ranked at or below them, and never grant a rank above their own. */
export function canAssignRole(actor: TeamRole, current: TeamRole, next: TeamRole): boolean {
  if (!can(actor, "team:manage-members")) return false;
  return RANK[current] <= RANK[actor] && RANK[next] <= RANK[actor];
}
