import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { mailboxes } from "@/db/schema/mailboxes";
import { decryptMailboxCredentials } from "@/lib/email/providers/mailbox-credentials";
import { startResendApiServer as createResendApiServer } from "../support/resend-api-server";
import { createUserWithTeam } from "../support/factories";

const KEY = "re_live_abcdefgh12345678";
let server: Awaited<ReturnType<typeof createResendApiServer>>;
let createResendMailbox: typeof import("@/lib/mailboxes/create-resend-mailbox").createResendMailbox;

beforeAll(async () => {
  server = await createResendApiServer({ apiKey: KEY, domains: [{ name: "acme.test", status: "verified" }, { name: "pending.test", status: "pending" }] });
  // Before the first env() read in this file: the real Resend client talks to the local server.
  process.env.RESEND_BASE_URL = server.url;
  ({ createResendMailbox } = await import("@/lib/mailboxes/create-resend-mailbox"));
});
afterAll(() => server.close());

describe("Resend mailboxes", () => {
  it("connects an address on a verified Resend domain and stores the key encrypted", async () => {
    const { user, team } = await createUserWithTeam("resend");
    const row = await createResendMailbox({ teamId: team.id, actorUserId: user.id, input: { email: "ada@acme.test", displayName: "Ada", apiKey: KEY } });
    const [stored] = await (await getDb()).select().from(mailboxes).where(eq(mailboxes.id, row.id));
    expect(stored).toMatchObject({ provider: "resend", status: "active", email: "ada@acme.test" });
    expect(JSON.stringify(stored)).not.toContain(KEY);
    expect(decryptMailboxCredentials({ mailboxId: row.id, ciphertext: stored.credentialsCiphertext! })).toEqual({ provider: "resend", apiKey: KEY });
  });

  it("refuses a wrong key, an unknown domain and a domain still pending, storing nothing", async () => {
    const { user, team } = await createUserWithTeam("resend2");
    const attempt = (email: string, apiKey: string) => createResendMailbox({ teamId: team.id, actorUserId: user.id, input: { email, displayName: null, apiKey } }).catch((e) => e);
    expect((await attempt("ada@acme.test", "re_wrong_key_12345678")).message).toMatch(/Resend refused this API key/);
    expect((await attempt("ada@other.test", KEY)).message).toMatch(/other\.test is not a sending domain/);
    expect((await attempt("ada@pending.test", KEY)).message).toMatch(/pending\.test is pending in Resend/);
    expect(await (await getDb()).select().from(mailboxes).where(eq(mailboxes.teamId, team.id))).toEqual([]);
  });
});
