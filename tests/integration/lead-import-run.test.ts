import fs from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { leads } from "@/db/schema/leads";
import { suppressions } from "@/db/schema/suppressions";
import { fileKeyPath, rejectedFilePath } from "@/lib/leads/import/import-files";
import { finishLeadImport } from "@/lib/leads/import/finish-lead-import";
import { importLeadChunk, NO_ROWS } from "@/lib/leads/import/import-lead-chunk";
import { runLeadImport } from "@/lib/leads/import/run-lead-import";
import { hashSuppressedAddress } from "@/lib/sending/is-suppressed";
import { importRow, leadByEmail, preparedImport } from "../fixtures/lead-import/prepare-import";
import { createUserWithTeam } from "../support/factories";

// Opening and migrating the database is the slow part of the first test: do it before the clock starts.
beforeAll(() => getDb());

const CSV = [
  "Email,First name,Company,Time zone,Favourite colour",
  "ada@example.com,Ada,Acme,Europe/London,green", // 1 created
  ",Nobody,Acme,,", // 2 missing email
  "not-an-email,Bad,Acme,,", // 3 invalid email
  "bob@example.com,Bob,Beta,Mars/Olympus,", // 4 bad zone
  "ADA@example.com,Ada again,Acme,,blue", // 5 duplicate within the file
  '"=cmd|\' /C calc\'!A0",Eve,Evil,,', // 6 invalid email that is also a formula
  "carol@example.com,Carol,Gamma,,red", // 7 created
].join("\n");

describe("running a lead import", () => {
  it("creates valid leads, rejects bad rows with row numbers, counts in-file duplicates and keeps unknown columns", async () => {
    const { team } = await createUserWithTeam("importer");
    const importId = await preparedImport(team.id, CSV, { tags: ["webinar"] });
    const totals = await runLeadImport({ teamId: team.id, importId });
    expect(totals).toEqual({ processed: 7, created: 2, updated: 0, skipped: 0, duplicates: 1, rejected: 4 });

    const job = await importRow(importId);
    expect(job).toMatchObject({ status: "completed", processedRows: 7, totalRows: 7, importedRows: 2, duplicateRows: 1, rejectedRows: 4, fileKey: null });
    expect(job.errors).toEqual([
      { row: 2, message: "email is missing" },
      { row: 3, message: '"not-an-email" is not a valid email address' },
      { row: 4, message: 'time zone "Mars/Olympus" is not an IANA zone such as Europe/London' },
      { row: 6, message: `"=cmd|' /C calc'!A0" is not a valid email address` },
    ]);
    expect(await leadByEmail(team.id, "ada@example.com")).toMatchObject({
      firstName: "Ada", company: "Acme", timezone: "Europe/London", customFields: { favourite_colour: "green" }, tags: ["webinar"], importId, source: `csv:${importId}`, status: "new",
    });
    expect(await leadByEmail(team.id, "bob@example.com")).toBeNull();

    // The rejected rows keep their original columns, add the reason, and cannot run as formulas.
    expect(fs.readFileSync(rejectedFilePath(importId), "utf8").split("\r\n")).toEqual([
      "Email,First name,Company,Time zone,Favourite colour,reason",
      ",Nobody,Acme,,,email is missing",
      'not-an-email,Bad,Acme,,,"""not-an-email"" is not a valid email address"',
      'bob@example.com,Bob,Beta,Mars/Olympus,,"time zone ""Mars/Olympus"" is not an IANA zone such as Europe/London"',
      `'=cmd|' /C calc'!A0,Eve,Evil,,,"""=cmd|' /C calc'!A0"" is not a valid email address"`,
      "",
    ]);
    expect(fs.existsSync(fileKeyPath(`uploads/imports/${importId}.csv`))).toBe(false);
  });

  it("skips or updates existing leads as chosen, never touching an unsubscribed or bounced lead's status", async () => {
    const { team } = await createUserWithTeam("policy");
    const db = await getDb();
    const unsubscribedAt = new Date("2024-01-02T03:04:05Z");
    await db.insert(leads).values([
      { teamId: team.id, email: "old@example.com", firstName: "Old", company: "Keep Co", customFields: { a: "1" }, tags: ["vip"] },
      { teamId: team.id, email: "gone@example.com", status: "unsubscribed", unsubscribedAt },
      { teamId: team.id, email: "bounced@example.com", status: "bounced", bouncedAt: unsubscribedAt },
    ]);
    const csv = "email,first name,company,score\nold@example.com,New,,9\ngone@example.com,Back,,1\nbounced@example.com,Again,,2\nnew@example.com,Fresh,,3\n";

    const skip = await preparedImport(team.id, csv, { policy: "skip", tags: ["q3"] });
    expect(await runLeadImport({ teamId: team.id, importId: skip })).toMatchObject({ created: 1, updated: 0, skipped: 3 });
    expect(await leadByEmail(team.id, "old@example.com")).toMatchObject({ firstName: "Old", tags: ["vip"], customFields: { a: "1" } });
    expect((await importRow(skip)).skippedRows).toBe(3);

    const update = await preparedImport(team.id, csv, { policy: "update", tags: ["q4"] });
    expect(await runLeadImport({ teamId: team.id, importId: update })).toMatchObject({ created: 0, updated: 4, skipped: 0 });
    // Updated fields, an empty cell leaves the old value, custom fields and tags merge.
    expect(await leadByEmail(team.id, "old@example.com")).toMatchObject({ firstName: "New", company: "Keep Co", customFields: { a: "1", score: "9" }, tags: ["q4", "vip"], importId: update });
    expect(await leadByEmail(team.id, "gone@example.com")).toMatchObject({ firstName: "Back", status: "unsubscribed", unsubscribedAt });
    expect(await leadByEmail(team.id, "bounced@example.com")).toMatchObject({ status: "bounced", bouncedAt: unsubscribedAt });
    expect(await leadByEmail(team.id, "new@example.com")).toMatchObject({ tags: ["q3", "q4"], source: `csv:${skip}` });
  });

  it("rejects suppressed addresses, suppressed domains and erased leads' hashes, and never creates them", async () => {
    const { team } = await createUserWithTeam("suppressed");
    const db = await getDb();
    await db.insert(suppressions).values([
      { teamId: team.id, kind: "address", value: "blocked@example.com", reason: "unsubscribed" },
      { teamId: team.id, kind: "domain", value: "competitor.io", reason: "manual" },
      { teamId: team.id, kind: "address_hash", value: hashSuppressedAddress("erased@example.com"), reason: "manual" },
    ]);
    const csv = "email\nBlocked@example.com\nanyone@competitor.io\nerased@example.com\nfine@example.com\n";
    for (const policy of ["skip", "update"] as const) {
      const importId = await preparedImport(team.id, csv, { policy });
      expect(await runLeadImport({ teamId: team.id, importId })).toMatchObject({ rejected: 3 });
      expect((await importRow(importId)).errors).toEqual([
        { row: 1, message: "on the suppression list", email: "blocked@example.com" },
        { row: 2, message: "on the suppression list", email: "anyone@competitor.io" },
        { row: 3, message: "on the suppression list", email: "erased@example.com" },
      ]);
    }
    const all = await db.select({ email: leads.email }).from(leads).where(eq(leads.teamId, team.id));
    expect(all).toEqual([{ email: "fine@example.com" }]);
  });

  it("does not double count when a chunk runs twice (a retried step), across chunks", async () => {
    const { team } = await createUserWithTeam("retry");
    const rows = ["a", "b", "bad", "c", "a", "d", "e", "=f", "g"].map((x) => (x.startsWith("=") || x === "bad" ? x : `${x}@example.com`));
    const importId = await preparedImport(team.id, `email\n${rows.join("\n")}\n`);
    const teamId = team.id;
    const first = await importLeadChunk({ teamId, importId, chunk: 0, base: NO_ROWS, chunkRows: 4 });
    const again = await importLeadChunk({ teamId, importId, chunk: 0, base: NO_ROWS, chunkRows: 4 });
    expect(again).toEqual(first);
    expect(first).toEqual({ done: false, totals: { processed: 4, created: 3, updated: 0, skipped: 0, duplicates: 0, rejected: 1 } });
    const second = await importLeadChunk({ teamId, importId, chunk: 1, base: first.totals, chunkRows: 4 });
    expect(await importLeadChunk({ teamId, importId, chunk: 1, base: first.totals, chunkRows: 4 })).toEqual(second);
    // Row 5 repeats row 1 from the earlier chunk: a duplicate, not a second lead.
    expect(second.totals).toEqual({ processed: 8, created: 5, updated: 0, skipped: 0, duplicates: 1, rejected: 2 });
    const third = await importLeadChunk({ teamId, importId, chunk: 2, base: second.totals, chunkRows: 4 });
    expect(third).toEqual({ done: true, totals: { processed: 9, created: 6, updated: 0, skipped: 0, duplicates: 1, rejected: 2 } });
    await finishLeadImport({ teamId, importId, totals: third.totals });

    const job = await importRow(importId);
    expect(job).toMatchObject({ status: "completed", processedRows: 9, importedRows: 6, duplicateRows: 1, rejectedRows: 2 });
    expect(job.errors.map((e) => e.row)).toEqual([3, 8]);
    expect(fs.readFileSync(rejectedFilePath(importId), "utf8")).toBe('email,reason\r\nbad,"""bad"" is not a valid email address"\r\n\'=f,"""=f"" is not a valid email address"\r\n');
    const db = await getDb();
    expect(await db.$count(leads, eq(leads.teamId, teamId))).toBe(6);
  });
});
