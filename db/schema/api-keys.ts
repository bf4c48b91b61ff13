// Team API keys for the public REST API; only a hash of each key is stored.
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { teams } from "./teams";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // The key's first characters, shown in the UI so users can tell keys apart.
    prefix: text("prefix").notNull(),
    // sha256 hex of the full key; the key itself is shown once and never stored.
    keyHash: text("key_hash").notNull().unique("api_keys_key_hash_uq"),
    scopes: text("scopes").array().notNull().default([]),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("api_keys_team_idx").on(t.teamId, t.createdAt),
    index("api_keys_created_by_idx").on(t.createdByUserId),
  ],
);
export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
