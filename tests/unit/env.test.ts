import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "env-test-"));

describe("environment", () => {
  it("boots with nothing set, generating the embedded secrets once and reusing them", () => {
    const dir = tmp();
    const first = parseEnv({ DATA_DIR: dir });
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first.ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect(first.APP_URL).toBe("http://localhost:3000");
    const second = parseEnv({ DATA_DIR: dir });
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.ENCRYPTION_KEY).toBe(first.ENCRYPTION_KEY);
    expect((fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toString(8)).toBe("600");
  });

  it("uses secrets from the environment without writing any file", () => {
    const dir = tmp();
    const key = Buffer.alloc(32, 7).toString("base64");
    const parsed = parseEnv({ DATA_DIR: dir, AUTH_SECRET: "x".repeat(40), ENCRYPTION_KEY: key });
    expect(parsed.ENCRYPTION_KEY).toBe(key);
    expect(fs.existsSync(path.join(dir, "secrets.json"))).toBe(false);
  });

  it("names every bad variable and points at .env.example", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), DATABASE_URL: "not a url", ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(
      /DATABASE_URL[\s\S]*ENCRYPTION_KEY: ENCRYPTION_KEY must be 32 bytes[\s\S]*\.env\.example/,
    );
  });

  it("treats blank values as unset", () => {
    const parsed = parseEnv({ DATA_DIR: tmp(), DATABASE_URL: "  ", REDIS_URL: "" });
    expect(parsed.DATABASE_URL).toBeUndefined();
    expect(parsed.REDIS_URL).toBeUndefined();
  });
});
