import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { can, canAssignRole } from "@/lib/teams/permissions";
import { slugify } from "@/lib/teams/slugify";

describe("roles", () => {
  it("lets owners and admins manage the team and members only work with data", () => {
    expect(can("owner", "team:invite")).toBe(true);
    expect(can("admin", "team:manage-members")).toBe(true);
    expect(can("member", "team:invite")).toBe(false);
    expect(can("member", "jobs:view")).toBe(false);
    expect(can("member", "data:write")).toBe(true);
  });

  it("never lets an actor grant or touch a rank above their own", () => {
    expect(canAssignRole("owner", "member", "owner")).toBe(true);
    expect(canAssignRole("admin", "member", "admin")).toBe(true);
    expect(canAssignRole("admin", "member", "owner")).toBe(false);
    expect(canAssignRole("admin", "owner", "member")).toBe(false);
    expect(canAssignRole("member", "member", "member")).toBe(false);
  });
});

describe("inputs from URLs", () => {
  it("accepts only same-origin relative callback paths", () => {
    expect(safeCallbackUrl("/acme/leads?x=1")).toBe("/acme/leads?x=1");
    for (const bad of ["//evil.com", "https://evil.com", "/\\evil.com", "javascript:alert(1)", undefined, 5]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("makes URL-safe team slugs", () => {
    expect(slugify("Zoë's Sales Team!")).toBe("zoe-s-sales-team");
    expect(slugify("   ")).toBe("team");
    expect(slugify("a".repeat(50))).toHaveLength(32);
  });
});
