// The whole path on the embedded executor: startLeadImport → leads/import.requested → import-leads (one step
// per chunk) → completed, visible as a run with its steps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { getRun } from "@/lib/jobs/dashboard/get-run";
import { listRuns } from "@/lib/jobs/dashboard/list-runs";
import { startLeadImport } from "@/lib/leads/import/start-lead-import";
import { startLeadImportSchema } from "@/lib/leads/import/start-lead-import.schema";
import { importRow, leadByEmail, uploadCsv } from "../fixtures/lead-import/prepare-import";
import { createUserWithTeam } from "../support/factories";
import { startEmbeddedJobs } from "../support/jobs-app-server";
import { waitFor, waitForRunEnd } from "../support/jobs-harness";

let jobs: Awaited<ReturnType<typeof startEmbeddedJobs>>;

// Sets JOBS_APP_URL: where the executor reaches the app, and where the app's client sends events.
beforeAll(async () => {
  jobs = await startEmbeddedJobs();
});

afterAll(async () => {
  await jobs?.close();
});

describe("import-leads on the embedded executor", () => {
  it("refuses a mapping without exactly one email column, and another team's import", async () => {
    const { user, team } = await createUserWithTeam("mapper");
    const { importId } = await uploadCsv(team.id, "Email,Name\nada@example.com,Ada\n");
    const noEmail = startLeadImportSchema.parse({ importId, columns: ["ignore", "firstName"], duplicatePolicy: "skip", tags: "" });
    await expect(startLeadImport({ teamId: team.id, userId: user.id, input: noEmail })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { columns: ["Map one column to Email: every lead needs an address."] },
    });
    expect((await importRow(importId)).status).toBe("pending");
    const other = await createUserWithTeam("other");
    const input = startLeadImportSchema.parse({ importId, columns: ["email", "firstName"], duplicatePolicy: "skip" });
    await expect(startLeadImport({ teamId: other.team.id, userId: other.user.id, input })).rejects.toMatchObject({ code: "not_found" });
    expect(startLeadImportSchema.safeParse({ importId, columns: ["email", "nonsense"], duplicatePolicy: "maybe" }).error?.issues.map((i) => i.message)).toEqual([
      "Choose a lead field, a custom field or Ignore.",
      "Choose whether to update or skip leads that already exist.",
    ]);
  });

  it("runs the confirmed import in chunk steps to completion, once, however often Start is pressed", async () => {
    const { user, team } = await createUserWithTeam("runner");
    const lines = Array.from({ length: 25 }, (_, i) => `lead${i}@example.com,Lead ${i},${i % 2 ? "vip" : ""}`);
    const { importId } = await uploadCsv(team.id, `Work Email,Name,Labels\n${lines.join("\n")}\nbroken,Broken,\n`);
    const input = startLeadImportSchema.parse({ importId, columns: ["email", "firstName", "tags"], duplicatePolicy: "update", tags: "spring; fair" });
    await startLeadImport({ teamId: team.id, userId: user.id, input });
    await expect(startLeadImport({ teamId: team.id, userId: user.id, input })).rejects.toMatchObject({ code: "conflict" });

    const db = await getDb();
    const job = await waitFor(async () => {
      const row = await importRow(importId);
      return row.status === "completed" || row.status === "failed" ? row : null;
    }, "the import to finish", 30_000);
    expect(job).toMatchObject({ status: "completed", processedRows: 26, importedRows: 25, rejectedRows: 1, duplicatePolicy: "update", tags: ["spring", "fair"] });
    expect(await leadByEmail(team.id, "lead1@example.com")).toMatchObject({ firstName: "Lead 1", tags: ["fair", "spring", "vip"] });

    const { runs } = await listRuns({ teamId: team.id });
    expect(runs).toHaveLength(1);
    const done = await waitForRunEnd(db, runs[0].id);
    expect(done.status).toBe("completed");
    const detail = (await getRun({ teamId: team.id, runId: runs[0].id }))!;
    expect(detail.steps.map((s) => [s.name, s.status])).toEqual([
      ["import-rows-0", "completed"],
      ["finish-import", "completed"],
    ]);
  });
});
