import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireTeamPage } from "@/lib/auth/require-team-page";
import { listMembers, listPendingInvitations } from "@/lib/teams/list-members";
import { can, canAssignRole } from "@/lib/teams/permissions";
import type { TeamRole } from "@/db/schema/teams";
import { InviteForm } from "./invite-form";
import { ConfirmRemove, RoleSelect } from "./member-actions";

export const metadata: Metadata = { title: "Team" };

const ROLES: TeamRole[] = ["owner", "admin", "member"];

export default async function TeamPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const ctx = await requireTeamPage(slug, `/${slug}/team`);
  const [members, invitations] = await Promise.all([listMembers({ teamId: ctx.teamId }), listPendingInvitations({ teamId: ctx.teamId })]);
  const mayInvite = can(ctx.role, "team:invite");

  return (
    <>
      <PageHeader title={ctx.team.name} description={`You are ${ctx.role === "admin" ? "an" : "a"} ${ctx.role} of this team.`} />
      <div className="grid gap-6">
        {mayInvite ? (
          <Card>
            <CardHeader>
              <CardTitle>Invite a colleague</CardTitle>
              <CardDescription>They get an email with a link that adds them to this team.</CardDescription>
            </CardHeader>
            <CardContent>
              <InviteForm teamSlug={slug} />
            </CardContent>
          </Card>
        ) : null}

        <Card>
          <CardHeader>
            <CardTitle>Members ({members.length})</CardTitle>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Member</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead className="text-right">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {members.map((m) => {
                  const self = m.userId === ctx.user.id;
                  const assignable = ROLES.filter((r) => canAssignRole(ctx.role, m.role, r));
                  return (
                    <TableRow key={m.id} data-testid="member-row">
                      <TableCell>
                        <div className="font-medium">{m.name || m.email}</div>
                        {m.name ? <div className="text-xs text-muted-foreground">{m.email}</div> : null}
                        {self ? <Badge variant="secondary" className="mt-1">You</Badge> : null}
                      </TableCell>
                      <TableCell>
                        {!self && assignable.includes(m.role) && assignable.length > 1 ? (
                          <RoleSelect teamSlug={slug} memberId={m.id} role={m.role} roles={assignable} />
                        ) : (
                          <Badge variant="outline">{m.role}</Badge>
                        )}
                      </TableCell>
                      <TableCell className="text-right">
                        {self || assignable.includes(m.role) ? (
                          <ConfirmRemove teamSlug={slug} id={m.id} kind="member" label={self ? "yourself from this team" : m.email} />
                        ) : null}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Pending invitations ({invitations.length})</CardTitle>
          </CardHeader>
          <CardContent>
            {invitations.length === 0 ? (
              <p className="text-sm text-muted-foreground">No pending invitations.{mayInvite ? " Invite a colleague above." : ""}</p>
            ) : (
              <ul className="divide-y">
                {invitations.map((inv) => (
                  <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="invitation-row">
                    <span className="text-sm">
                      {inv.email} <Badge variant="outline">{inv.role}</Badge>
                    </span>
                    <span className="flex items-center gap-2 text-xs text-muted-foreground">
                      expires {inv.expiresAt.toISOString().slice(0, 10)}
                      {mayInvite ? <ConfirmRemove teamSlug={slug} id={inv.id} kind="invitation" label={`the invitation to ${inv.email}`} /> : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
