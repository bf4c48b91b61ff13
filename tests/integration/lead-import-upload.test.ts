import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { leadImports } from "@/db/schema/leads";
import { receiveImportUpload } from "@/app/api/teams/[team]/imports/receive-import-upload";
import { getLeadImport } from "@/lib/leads/import/get-lead-import";
import { fileKeyPath } from "@/lib/leads/import/import-files";
import { createUserWithTeam } from "../support/factories";

// Opening and migrating the database is the slow part of the first test: do it before the clock starts.
beforeAll(() => getDb());

const url = "http://localhost:3000/api/teams/acme/imports";

function multipart(content: BlobPart, fileName = "leads.csv", type = "text/csv") {
  const form = new FormData();
  form.append("file", new Blob([content], { type }), fileName);
  return new Request(url, { method: "POST", body: form });
}

async function upload(req: Request, maxBytes?: number) {
  const { user, team } = await createUserWithTeam("uploader");
  const res = await receiveImportUpload(req, { teamId: team.id, userId: user.id, maxBytes });
  return { res, body: await res.json(), team };
}

describe("CSV upload", () => {
  it("streams a multipart upload to the data dir and creates a pending import with headers, guessed mapping and a row count", async () => {
    const csv = "Email,First Name,Company,Shoe Size\nada@example.com,Ada,Acme,38\nbob@example.com,Bob,Beta,44\n";
    const { res, body, team } = await upload(multipart(csv, "my leads.csv"));
    expect(res.status).toBe(201);
    const row = await getLeadImport({ teamId: team.id, importId: body.importId });
    expect(row).toMatchObject({
      status: "pending",
      fileName: "my leads.csv",
      headers: ["Email", "First Name", "Company", "Shoe Size"],
      mapping: { Email: "email", "First Name": "firstName", Company: "company", "Shoe Size": "custom:shoe_size" },
      totalRows: 2,
      fileSizeBytes: Buffer.byteLength(csv),
    });
    expect(row.fileKey).toBe(path.join("uploads", "imports", `${body.importId}.csv`));
    expect(fs.readFileSync(fileKeyPath(row.fileKey!), "utf8")).toBe(csv);
  });

  it("accepts a raw text/csv body, and picks the column of addresses when no header says email", async () => {
    const req = new Request(`${url}?fileName=export.csv`, { method: "POST", headers: { "content-type": "text/csv" }, body: "Name,Contact\nAda,ada@example.com\n" });
    const { res, body, team } = await upload(req);
    expect(res.status).toBe(201);
    expect((await getLeadImport({ teamId: team.id, importId: body.importId })).mapping).toEqual({ Name: "custom:name", Contact: "email" });
  });

  it("answers 413 with a clear message past the size limit, and keeps no file or row", async () => {
    const { res, body, team } = await upload(multipart("email\n" + "someone@example.com\n".repeat(100)), 1000);
    expect(res.status).toBe(413);
    expect(body).toEqual({ error: { code: "too_large", message: "That file is larger than 1 KB. Split it into smaller files and import each one." } });
    const db = await getDb();
    expect(await db.select().from(leadImports).where(eq(leadImports.teamId, team.id))).toEqual([]);
    expect(fs.readdirSync(path.join(process.env.DATA_DIR!, "uploads", "imports")).filter((f) => !f.includes("-"))).toEqual([]);
  });

  it.each([
    ["an empty file", multipart(""), "That file is empty. Upload a CSV with a header row and one lead per row."],
    ["a header without rows", multipart("email,name\n"), "That file has a header row but no leads under it."],
    ["no column of addresses", multipart("name,company\nAda,Acme\n"), 'No column looks like email addresses. Add a column named "email" with one address per row.'],
    ["a spreadsheet", multipart("PK\u0003\u0004xx", "leads.xlsx"), "That looks like a spreadsheet, not a CSV. Save it as CSV (File → Save as → CSV UTF-8) and upload that."],
    ["a PDF", multipart("%PDF-1.4", "leads.pdf", "application/pdf"), '"leads.pdf" is not a CSV file. Upload a .csv file with one lead per row.'],
    ["binary content", multipart(new Uint8Array([0x65, 0x6d, 0x00, 0x01, 0x02]), "data.csv"), "That file is not a CSV (it contains binary data). Upload a .csv file with one lead per row."],
    ["a form without a file", new Request(url, { method: "POST", body: (() => { const f = new FormData(); f.append("note", "x"); return f; })() }), "Choose a CSV file to upload."],
  ])("refuses %s with a 400 the rep can act on", async (_what, req, message) => {
    const { res, body } = await upload(req);
    expect(res.status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", message });
  });

  it("refuses a JSON body", async () => {
    const { res, body } = await upload(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(res.status).toBe(400);
    expect(body.error.message).toBe('Send the file as multipart/form-data (field "file") or as a text/csv body.');
  });

  it("treats another team's import as not found", async () => {
    const { body } = await upload(multipart("email\nada@example.com\n"));
    const other = await createUserWithTeam("other");
    await expect(getLeadImport({ teamId: other.team.id, importId: body.importId })).rejects.toMatchObject({ code: "not_found", message: "That import was not found." });
    await expect(getLeadImport({ teamId: other.team.id, importId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
  });
});
