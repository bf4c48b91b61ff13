// Addresses and domains the team must never email again.
import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { emails } from "./emails";
import { teams } from "./teams";

// address_hash: an erased lead's address, kept only as sha256(lower(address)) hex so a re-import stays blocked.
export const suppressionKind = pgEnum("suppression_kind", ["address", "domain", "address_hash"]);
export type SuppressionKind = (typeof suppressionKind.enumValues)[number];

export const suppressionReason = pgEnum("suppression_reason", [
  "unsubscribed",
  "hard_bounce",
  "complaint",
  "manual",
  "invalid",
]);
export type SuppressionReason = (typeof suppressionReason.enumValues)[number];

export const suppressions = pgTable(
  "suppressions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: suppressionKind("kind").notNull(),
    // Lower-cased: a full address for kind = address, a bare domain ("example.com") for kind = domain.
    value: text("value").notNull(),
    reason: suppressionReason("reason").notNull(),
    // The message whose bounce, complaint or unsubscribe caused this, if any.
    sourceEmailId: uuid("source_email_id").references(() => emails.id, { onDelete: "set null" }),
    // Null when a job or an API key added it.
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("suppressions_team_kind_value_uq").on(t.teamId, t.kind, t.value),
    index("suppressions_team_created_idx").on(t.teamId, t.createdAt),
    index("suppressions_source_email_idx").on(t.sourceEmailId),
    index("suppressions_created_by_idx").on(t.createdByUserId),
    check("suppressions_value_lower_ck", sql`value = lower(value)`),
    check(
      "suppressions_value_shape_ck",
      sql`(kind = 'address' and position('@' in value) > 1) or (kind::text in ('domain', 'address_hash') and position('@' in value) = 0)`,
    ),
  ],
);
export type Suppression = typeof suppressions.$inferSelect;
export type NewSuppression = typeof suppressions.$inferInsert;
