import { describe, expect, it } from "vitest";
import { addSuppressions, exportSuppressionsCsv, listSuppressions, removeSuppression } from "@/lib/suppressions/manage-suppressions";
import { parseSuppressionList } from "@/lib/suppressions/suppression-entry.schema";
import { createUserWithTeam } from "../support/factories";

describe("suppression list", () => {
  it("reads addresses and domains from pasted text or a CSV with a header", () => {
    const { entries, errors } = parseSuppressionList('email,reason\n"Ada@Acme.com",x\n@Competitor.io\nexample.org\n\n');
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { kind: "address", value: "ada@acme.com" },
      { kind: "domain", value: "competitor.io" },
      { kind: "domain", value: "example.org" },
    ]);
  });

  it("adds nothing when any line is bad, and names the bad lines", async () => {
    const { user, team } = await createUserWithTeam("rep");
    const error = await addSuppressions({ teamId: team.id, actorUserId: user.id, text: "good@acme.com\nnot an address\nbad@@x" }).catch((e) => e);
    expect(error.code).toBe("invalid_input");
    expect(error.fields.entries).toEqual([expect.stringMatching(/^Line 2:/), expect.stringMatching(/^Line 3:/)]);
    expect((await listSuppressions({ teamId: team.id })).total).toBe(0);
  });

  it("adds, de-duplicates, exports and removes within the team only", async () => {
    const a = await createUserWithTeam("a");
    const b = await createUserWithTeam("b");
    expect(await addSuppressions({ teamId: a.team.id, actorUserId: a.user.id, text: "x@acme.com\nacme.org" })).toEqual({ added: 2, alreadyListed: 0 });
    expect(await addSuppressions({ teamId: a.team.id, actorUserId: a.user.id, text: "X@acme.com" })).toEqual({ added: 0, alreadyListed: 1 });
    const csv = await exportSuppressionsCsv({ teamId: a.team.id });
    expect(csv.split("\n")[0]).toBe("value,kind,reason,created_at");
    expect(csv).toContain("x@acme.com,address,manual,");
    expect(csv).toContain("acme.org,domain,manual,");
    expect(await exportSuppressionsCsv({ teamId: b.team.id })).toBe("value,kind,reason,created_at\n");

    const { rows } = await listSuppressions({ teamId: a.team.id, search: "acme.org" });
    expect(rows).toHaveLength(1);
    await expect(removeSuppression({ teamId: b.team.id, actorUserId: b.user.id, suppressionId: rows[0].id })).rejects.toMatchObject({ code: "not_found" });
    await removeSuppression({ teamId: a.team.id, actorUserId: a.user.id, suppressionId: rows[0].id });
    expect((await listSuppressions({ teamId: a.team.id })).total).toBe(1);
  });
});
