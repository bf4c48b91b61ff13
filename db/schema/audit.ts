// Append-only audit trail of who (a user, an API key, or a job) did what to which record.
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys";
import { users } from "./auth";
import { teams } from "./teams";

export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    // Both null: a background job acted.
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid("actor_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    // "<target>.<verb>", e.g. "invitation.created", "campaign.started".
    action: text("action").notNull(),
    targetType: text("target_type"),
    // Text, not uuid: some targets are keyed otherwise (an email address, a setting name).
    targetId: text("target_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_team_created_idx").on(t.teamId, t.createdAt),
    index("audit_log_team_target_idx").on(t.teamId, t.targetType, t.targetId),
    index("audit_log_actor_user_idx").on(t.actorUserId),
    index("audit_log_actor_api_key_idx").on(t.actorApiKeyId),
  ],
);
export type AuditLogEntry = typeof auditLog.$inferSelect;
export type NewAuditLogEntry = typeof auditLog.$inferInsert;
