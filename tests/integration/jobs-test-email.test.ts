// End to end through the app's own pieces: sendEvent → the executor route → the embedded executor →
// app/api/inngest (serve from inngest/next) → send-test-email → the local outbox; visible on the dashboard.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { outboxMessages } from "@/db/schema/outbox";
import { getRun } from "@/lib/jobs/dashboard/get-run";
import { listRuns } from "@/lib/jobs/dashboard/list-runs";
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

describe("send-test-email on the embedded executor", () => {
  it("delivers the test email to the local outbox and shows the run with its steps to the team", async () => {
    const { sendEvent } = await import("@/inngest/events");
    const { user, team } = await createUserWithTeam("tester");
    const { ids } = await sendEvent("jobs/test-email.requested", { teamId: team.id, userId: user.id, to: user.email });
    expect(ids).toHaveLength(1);

    const db = await getDb();
    const [message] = await waitFor(async () => {
      const rows = await db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "test-email"), eq(outboxMessages.teamId, team.id)));
      return rows.length ? rows : null;
    }, "the test email in the outbox");
    expect(message).toMatchObject({ to: user.email, subject: "Test email from Sales Copilot" });
    expect(message.text).toContain(user.email);

    const { runs } = await listRuns({ teamId: team.id });
    expect(runs).toHaveLength(1);
    const done = await waitForRunEnd(db, runs[0].id);
    expect(done.status).toBe("completed");
    const detail = (await getRun({ teamId: team.id, runId: runs[0].id }))!;
    expect(detail.functionId).toBe("sales-copilot-send-test-email");
    expect(detail.functionName).toBe("Send a test email");
    expect(detail.steps.map((s) => [s.name, s.status])).toEqual([
      ["render-email", "completed"],
      ["send-email", "completed"],
    ]);
    expect(detail.output).toMatchObject({ transport: "local-outbox", messageId: message.messageId });
  });

  it("refuses to send an event whose data does not match its schema", async () => {
    const { sendEvent } = await import("@/inngest/events");
    await expect(sendEvent("jobs/test-email.requested", { teamId: "not-a-uuid", userId: "x", to: "nope" } as never)).rejects.toThrow();
  });
});
