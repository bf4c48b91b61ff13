// Teams, their members and pending invitations.
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const teamRole = pgEnum("team_role", ["owner", "admin", "member"]);
export type TeamRole = (typeof teamRole.enumValues)[number];

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  // Appears in every app URL (/<slug>/leads); unique across the install.
  slug: text("slug").notNull().unique(),
  personalOfUserId: uuid("personal_of_user_id").references(() => users.id, { onDelete: "set null" }),
  // CAN-SPAM: campaign sends require a postal address in the footer.
  postalAddress: text("postal_address"),
  // Optional host (CNAME to this app) for open, click and unsubscribe links, e.g. "track.acme.com".
  trackingDomain: text("tracking_domain"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type Team = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;

export const teamMembers = pgTable(
  "team_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: teamRole("role").notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("team_members_team_user_uq").on(t.teamId, t.userId),
    index("team_members_user_idx").on(t.userId),
  ],
);
export type TeamMember = typeof teamMembers.$inferSelect;

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: teamRole("role").notNull().default("member"),
    // sha256 of the token mailed to the invitee; the token itself is never stored.
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invitations_team_idx").on(t.teamId, t.createdAt), index("invitations_email_idx").on(t.email)],
);
export type Invitation = typeof invitations.$inferSelect;
