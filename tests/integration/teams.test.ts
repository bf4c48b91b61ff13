import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema/audit";
import { outboxMessages } from "@/db/schema/outbox";
import { invitations, teamMembers } from "@/db/schema/teams";
import { AppError } from "@/lib/errors";
import { acceptInvitation, findInvitation } from "@/lib/teams/accept-invitation";
import { createPersonalTeam } from "@/lib/teams/create-personal-team";
import { inviteMember } from "@/lib/teams/invite-member";
import { listMembers, listPendingInvitations } from "@/lib/teams/list-members";
import { changeMemberRole, removeMember, revokeInvitation } from "@/lib/teams/manage-members";
import { createUserWithTeam } from "../support/factories";

async function inviteAndReadToken(owner: Awaited<ReturnType<typeof createUserWithTeam>>, email: string, role: "admin" | "member" = "member") {
  await inviteMember({ teamId: owner.team.id, team: owner.team, inviter: owner.user, input: { email, role } });
  const db = await getDb();
  const [mail] = await db.select().from(outboxMessages).where(eq(outboxMessages.to, email)).orderBy(desc(outboxMessages.createdAt)).limit(1);
  const token = mail.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation link in: ${mail.text}`);
  return { mail, token };
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("teams", () => {
  it("gives a first-time user one personal team where they are the owner", async () => {
    const { user, team } = await createUserWithTeam("ada");
    const again = await createPersonalTeam(await getDb(), user);
    expect(again.id).toBe(team.id);
    const members = await listMembers({ teamId: team.id });
    expect(members).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);
    expect(team.slug).toMatch(/^ada-[0-9a-f]{6}$/);
  });

  it("mails an invitation to the local outbox and lets the invitee join with the invited role", async () => {
    const owner = await createUserWithTeam("owner");
    const invitee = await createUserWithTeam("invitee");
    const { mail, token } = await inviteAndReadToken(owner, invitee.user.email, "admin");

    expect(mail.teamId).toBe(owner.team.id);
    expect(mail.subject).toContain(owner.team.name);
    expect(mail.html).toContain(`/invite/${token}`);
    expect(await listPendingInvitations({ teamId: owner.team.id })).toHaveLength(1);

    const joined = await acceptInvitation({ token, user: invitee.user });
    expect(joined.id).toBe(owner.team.id);
    const members = await listMembers({ teamId: owner.team.id });
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [owner.user.email, "owner"],
      [invitee.user.email, "admin"],
    ]);
    expect((await findInvitation({ token })).state).toBe("accepted");
    await expectAppError(acceptInvitation({ token, user: invitee.user }), "not_found");

    const db = await getDb();
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.teamId, owner.team.id));
    expect(actions.map((a) => a.action).sort()).toEqual(["invitation.accepted", "invitation.created"]);
  });

  it("refuses an invitation accepted by a different address", async () => {
    const owner = await createUserWithTeam("owner");
    const stranger = await createUserWithTeam("stranger");
    const { token } = await inviteAndReadToken(owner, "someone-else@example.com");
    await expectAppError(acceptInvitation({ token, user: stranger.user }), "forbidden");
    const db = await getDb();
    const rows = await db.select().from(teamMembers).where(and(eq(teamMembers.teamId, owner.team.id), eq(teamMembers.userId, stranger.user.id)));
    expect(rows).toHaveLength(0);
  });

  it("refuses expired and revoked invitations", async () => {
    const owner = await createUserWithTeam("owner");
    const late = await createUserWithTeam("late");
    const { token } = await inviteAndReadToken(owner, late.user.email);
    const db = await getDb();
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, late.user.email));
    expect((await findInvitation({ token })).state).toBe("expired");
    await expectAppError(acceptInvitation({ token, user: late.user }), "not_found");

    const second = await inviteAndReadToken(owner, late.user.email);
    const [pending] = await listPendingInvitations({ teamId: owner.team.id });
    await revokeInvitation({ teamId: owner.team.id, actor: { userId: owner.user.id, role: "owner" }, invitationId: pending.id });
    await expectAppError(acceptInvitation({ token: second.token, user: late.user }), "not_found");
  });

  it("will not invite someone who is already a member", async () => {
    const owner = await createUserWithTeam("owner");
    await expectAppError(
      inviteMember({ teamId: owner.team.id, team: owner.team, inviter: owner.user, input: { email: owner.user.email, role: "member" } }),
      "conflict",
    );
  });

  it("keeps roles in order: admins cannot create owners, and the last owner stays", async () => {
    const owner = await createUserWithTeam("owner");
    const admin = await createUserWithTeam("admin");
    const { token } = await inviteAndReadToken(owner, admin.user.email, "admin");
    await acceptInvitation({ token, user: admin.user });
    const members = await listMembers({ teamId: owner.team.id });
    const ownerRow = members.find((m) => m.userId === owner.user.id)!;
    const adminRow = members.find((m) => m.userId === admin.user.id)!;
    const teamId = owner.team.id;

    await expectAppError(changeMemberRole({ teamId, actor: { userId: admin.user.id, role: "admin" }, memberId: adminRow.id, role: "owner" }), "forbidden");
    await expectAppError(changeMemberRole({ teamId, actor: { userId: admin.user.id, role: "admin" }, memberId: ownerRow.id, role: "member" }), "forbidden");
    await expectAppError(changeMemberRole({ teamId, actor: { userId: owner.user.id, role: "owner" }, memberId: ownerRow.id, role: "admin" }), "conflict");
    await expectAppError(removeMember({ teamId, actor: { userId: owner.user.id, role: "owner" }, memberId: ownerRow.id }), "conflict");

    await changeMemberRole({ teamId, actor: { userId: owner.user.id, role: "owner" }, memberId: adminRow.id, role: "member" });
    expect((await listMembers({ teamId })).find((m) => m.id === adminRow.id)?.role).toBe("member");
  });

  it("treats another team's member or invitation as not found", async () => {
    const a = await createUserWithTeam("a");
    const b = await createUserWithTeam("b");
    const [bOwner] = await listMembers({ teamId: b.team.id });
    await expectAppError(removeMember({ teamId: a.team.id, actor: { userId: a.user.id, role: "owner" }, memberId: bOwner.id }), "not_found");
    await inviteAndReadToken(b, "x@example.com");
    const [bInvite] = await listPendingInvitations({ teamId: b.team.id });
    await expectAppError(revokeInvitation({ teamId: a.team.id, actor: { userId: a.user.id, role: "owner" }, invitationId: bInvite.id }), "not_found");
    expect(await listPendingInvitations({ teamId: b.team.id })).toHaveLength(1);
  });
});
