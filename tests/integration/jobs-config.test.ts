// The executor's small parts: cron schedules, durations, engine selection and the client's configuration.
import { afterEach, describe, expect, it } from "vitest";
import { nextCronTime, parseCron } from "@/lib/jobs/cron/cron-schedule";
import { parseDuration, sleepTarget } from "@/lib/jobs/durations";
import { engineModeOf } from "@/lib/jobs/engine-mode";
import { parseJobsEnv } from "@/lib/jobs/jobs-env";
import { canonicalJson } from "@/lib/jobs/protocol/canonical-json";

const next = (cron: string, after: string) => nextCronTime(parseCron(cron), new Date(after))?.toISOString() ?? null;

describe("cron schedules", () => {
  it("finds the next tick for steps, ranges, names and macros", () => {
    expect(next("*/5 * * * *", "2026-03-02T10:02:30Z")).toBe("2026-03-02T10:05:00.000Z");
    expect(next("*/5 * * * *", "2026-03-02T10:05:00Z")).toBe("2026-03-02T10:10:00.000Z");
    // Friday 10:00 → Monday 09:00.
    expect(next("0 9 * * MON-FRI", "2026-03-06T10:00:00Z")).toBe("2026-03-09T09:00:00.000Z");
    expect(next("@yearly", "2026-03-02T10:00:00Z")).toBe("2027-01-01T00:00:00.000Z");
    expect(next("30 4 1,15 * *", "2026-03-02T00:00:00Z")).toBe("2026-03-15T04:30:00.000Z");
    expect(next("*/10 * * * * *", "2026-03-02T10:00:03Z")).toBe("2026-03-02T10:00:10.000Z");
  });

  it("treats restricted day-of-month and day-of-week as either (Vixie cron)", () => {
    // The 13th, or any Friday: after Monday 2026-03-09 comes Friday the 13th… and before it nothing else.
    expect(next("0 0 13 * 5", "2026-03-09T12:00:00Z")).toBe("2026-03-13T00:00:00.000Z");
    expect(next("0 0 13 * 5", "2026-03-13T12:00:00Z")).toBe("2026-03-20T00:00:00.000Z");
  });

  it("honours a TZ= prefix across a daylight-saving change", () => {
    // New York moves to EDT (UTC−4) on 2026-03-08.
    expect(next("TZ=America/New_York 0 9 * * *", "2026-03-07T12:00:00Z")).toBe("2026-03-07T14:00:00.000Z");
    expect(next("TZ=America/New_York 0 9 * * *", "2026-03-07T20:00:00Z")).toBe("2026-03-08T13:00:00.000Z");
  });

  it("rejects malformed expressions and reports impossible ones as never", () => {
    expect(() => parseCron("61 * * * *")).toThrow();
    expect(() => parseCron("* * *")).toThrow();
    expect(() => parseCron("TZ=Nowhere/Land * * * * *")).toThrow();
    expect(next("0 0 31 2 *", "2026-01-01T00:00:00Z")).toBeNull();
  });
});

describe("durations", () => {
  it("reads the SDK's duration strings and sleep targets", () => {
    expect(parseDuration("1d2h30m10s")).toBe(86_400_000 + 2 * 3_600_000 + 30 * 60_000 + 10_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("2w")).toBe(14 * 86_400_000);
    expect(parseDuration("soon")).toBeNull();
    const now = new Date("2026-03-02T10:00:00Z");
    expect(sleepTarget("3d", now)?.toISOString()).toBe("2026-03-05T10:00:00.000Z");
    expect(sleepTarget("2026-04-01T08:00:00.000Z", now)?.toISOString()).toBe("2026-04-01T08:00:00.000Z");
  });

  it("writes canonical JSON with sorted keys, as the SDK signs it", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, "x"], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[1,null,"x"]},"b":1}');
  });
});

describe("engine selection", () => {
  const mode = (env: Record<string, string>) => engineModeOf(parseJobsEnv(env));
  it("is embedded with no Inngest variables, and Inngest's otherwise", () => {
    expect(mode({})).toBe("embedded");
    expect(mode({ INNGEST_DEV: "1" })).toBe("inngest-dev");
    expect(mode({ INNGEST_DEV: "http://localhost:8288" })).toBe("inngest-dev");
    expect(mode({ INNGEST_DEV: "0" })).toBe("embedded");
    expect(mode({ INNGEST_BASE_URL: "http://inngest.internal:8288", INNGEST_SIGNING_KEY: "signkey-prod-ab", INNGEST_EVENT_KEY: "k" })).toBe("inngest-self-hosted");
    expect(mode({ INNGEST_SIGNING_KEY: "signkey-prod-ab", INNGEST_EVENT_KEY: "k" })).toBe("inngest-cloud");
    // A lone key is not Cloud: without both, nothing could work there.
    expect(mode({ INNGEST_SIGNING_KEY: "signkey-prod-ab" })).toBe("embedded");
  });
});

describe("the app's Inngest client", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "INNGEST_DEV", "JOBS_APP_URL"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it("points at the embedded executor in signed mode by default, at Inngest when configured", async () => {
    const { inngest } = await import("@/inngest/client");
    process.env.JOBS_APP_URL = "http://127.0.0.1:4567";
    expect(inngest.mode).toBe("cloud");
    expect(inngest.apiBaseUrl).toBe("http://127.0.0.1:4567/api/inngest-executor/");
    expect(inngest.eventBaseUrl).toBe("http://127.0.0.1:4567/api/inngest-executor/");
    expect(inngest.signingKey).toMatch(/^signkey-local-[0-9a-f]{64}$/);

    process.env.INNGEST_EVENT_KEY = "cloud-event-key";
    process.env.INNGEST_SIGNING_KEY = "signkey-prod-0123";
    inngest.setEnvVars(process.env as Record<string, string>);
    expect(inngest.apiBaseUrl).toBe("https://api.inngest.com/");
    expect(inngest.signingKey).toBe("signkey-prod-0123");
    expect(inngest.eventKey).toBe("cloud-event-key");

    delete process.env.INNGEST_EVENT_KEY;
    delete process.env.INNGEST_SIGNING_KEY;
    process.env.INNGEST_DEV = "1";
    inngest.setEnvVars({ ...(process.env as Record<string, string>), INNGEST_SIGNING_KEY: "", INNGEST_EVENT_KEY: "" });
    expect(inngest.mode).toBe("dev");
  });
});
