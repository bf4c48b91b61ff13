// The core loop in Chromium against `next start`: import leads from a CSV (bad rows, a duplicate), build a
// 3-step sequence, run a campaign from an SMTP mailbox, move engine time forward: steps 1 and 2 reach the SMTP
// server in one thread, a lead who unsubscribed gets nothing more, a reply stops step 3, and a pause/resume in
// between keeps every lead's position.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpTestServer } from "../tests/support/smtp-test-server";
import { sendAroundTheClock } from "./support/mailbox-settings";
import { launchBrowser, newPage, screenshot, signInThroughOutbox } from "./support/browser";
import { advanceEngineClock } from "./support/engine-clock";

const DAY = 86_400_000;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const hex = randomBytes(3).toString("hex");
const ada = `ada-${hex}@analytical.example`;
const grace = `grace-${hex}@compiler.example`;
const CSV = [
  "Email,First Name,Company,Time zone",
  `${ada},Ada,Analytical Engines,Europe/London`,
  `${grace},Grace,Compiler Works,America/New_York`,
  "not-an-email,Bad,Nowhere,UTC",
  `${ada.toUpperCase()},Ada again,Analytical Engines,Europe/London`,
  `zone-${hex}@example.org,Zed,Zone Co,Mars/Olympus`,
].join("\n");

let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
beforeAll(async () => {
  browser = await launchBrowser();
  smtp = await startSmtpTestServer({ username: "rep", password: "s3cret" });
});
afterAll(async () => {
  await browser?.close();
  await smtp?.close();
});

const to = (address: string) => smtp.received.filter((m) => m.envelope.to.includes(address));
// Header lines unfolded (RFC 5322 continuation lines start with white space).
const header = (raw: Buffer, name: string) => raw.toString().replace(/\r?\n[ \t]+/g, " ").match(new RegExp(`^${name}: (.*)$`, "mi"))?.[1]?.trim();

async function connectSmtpMailbox(page: Page, team: string, mailbox: string) {
  await page.goto(`/${team}/mailboxes`);
  await page.locator("#smtp-email").fill(mailbox);
  await page.locator("#smtp-smtpHost").fill("127.0.0.1");
  await page.locator("#smtp-smtpPort").fill(String(smtp.port));
  await page.locator("#smtp-smtpUser").fill("rep");
  await page.locator("#smtp-smtpPassword").fill("s3cret");
  await page.getByRole("button", { name: "Verify and connect" }).click();
  await expect.poll(() => page.getByRole("status").first().textContent()).toContain(`Connected ${mailbox}`);
  await page.getByRole("link", { name: mailbox }).click();
  await page.waitForURL(/\/mailboxes\/[0-9a-f-]{36}$/);
  await sendAroundTheClock(page);
}

describe("campaign flow", () => {
  it("imports, sequences, sends steps 1–2 over SMTP, honours an unsubscribe and a reply, and keeps positions across pause/resume", async () => {
    const { page } = await newPage(browser);
    const team = await signInThroughOutbox(page, `owner-${hex}@example.com`);
    await page.goto(`/${team}/settings`);
    await page.getByLabel("Postal address").fill("Acme Inc.\n1 Market St, San Francisco, CA 94105");
    await page.getByRole("button", { name: /Save/ }).first().click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Saved");
    const mailbox = `rep-${hex}@acme.test`;
    await connectSmtpMailbox(page, team, mailbox);

    // Import: 2 good rows, a bad address, a duplicate (case differs), a bad time zone.
    await page.goto(`/${team}/leads/import`);
    await page.getByLabel("CSV file").setInputFiles({ name: "pilot.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    await page.waitForURL(/\/leads\/import\/[0-9a-f-]{36}$/);
    await page.getByLabel("Tags to add").fill("pilot");
    await page.getByRole("button", { name: "Start import" }).click();
    await expect.poll(() => page.getByTestId("summary-created").textContent(), { timeout: 30_000 }).toBe("2");
    expect(await page.getByTestId("summary-duplicates").textContent()).toBe("1");
    expect(await page.getByTestId("summary-rejected").textContent()).toBe("2");
    await screenshot(page, "campaign-flow-import");

    // Sequence: intro, a same-thread nudge 2 days later, a last note 3 days after that.
    await page.goto(`/${team}/sequences/new`);
    const step = (n: number) => page.getByRole("region", { name: `Step ${n}`, exact: true });
    await page.getByLabel("Sequence name").fill("Pilot outreach");
    await step(1).getByLabel("Subject").fill("Release speed at {{company|your team}}");
    await step(1).getByLabel("Body").fill("Hi {{first_name|there}},\n\nWe help teams ship releases in minutes. Worth a short call?");
    await page.getByRole("button", { name: "Add step" }).click();
    await step(2).getByLabel("Wait").fill("2");
    await step(2).getByLabel("Body").fill("Hi {{first_name|there}}, bumping this in case it got buried.");
    await page.getByRole("button", { name: "Add step" }).click();
    await step(3).getByLabel("Wait").fill("3");
    await step(3).getByLabel("Body").fill("Hi {{first_name|there}}, last note from me on this.");
    await page.getByRole("button", { name: "Save sequence" }).click();
    await expect.poll(() => page.getByText("Sequence created.").count()).toBe(1);

    // Campaign on the imported leads (tag), from the SMTP mailbox, any day, any hour.
    await page.goto(`/${team}/campaigns/new`);
    await page.getByLabel("Name", { exact: true }).fill("Pilot campaign");
    await page.getByLabel("Sequence", { exact: true }).selectOption({ label: "Pilot outreach (draft)" });
    await page.getByLabel("By tag").check();
    await page.getByLabel("Tag", { exact: true }).fill("pilot");
    await page.locator('input[name="mailboxIds"]').first().check();
    for (const day of DAYS) if (!(await page.getByLabel(day, { exact: true }).isChecked())) await page.getByLabel(day, { exact: true }).check();
    await page.getByLabel("From", { exact: true }).fill("00:00");
    await page.getByLabel("Until", { exact: true }).fill("23:59");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    const campaignUrl = new URL(page.url()).pathname;
    await page.getByRole("link", { name: "Review & start" }).click();
    await expect.poll(() => page.getByTestId("count-eligible").textContent()).toBe("2");
    await screenshot(page, "campaign-flow-review");
    await page.getByRole("button", { name: "Start campaign" }).click();
    await page.waitForURL((url) => url.pathname === campaignUrl);

    // Step 1 reaches both leads.
    await expect.poll(() => to(ada).length + to(grace).length, { timeout: 60_000 }).toBe(2);
    const [first] = to(ada);
    expect(first.parsed.subject).toBe("Release speed at Analytical Engines");
    expect(String(first.parsed.text)).toContain("Hi Ada,");

    // Grace unsubscribes with the one-click POST from her email's List-Unsubscribe header.
    const unsubscribe = header(to(grace)[0].raw, "List-Unsubscribe")?.match(/<(https?:[^>]+)>/)?.[1];
    expect(unsubscribe).toBeTruthy();
    const res = await fetch(unsubscribe!, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(res.status).toBe(200);

    // Pause and resume: nobody loses their place.
    await page.goto(campaignUrl);
    await expect.poll(async () => (await page.getByTestId("enrolment-row").allTextContents()).join(" "), { timeout: 15_000 }).toMatch(/Step 2|step 2|2/);
    await page.getByRole("button", { name: "Pause" }).click();
    await expect.poll(() => page.getByTestId("campaign-status").first().textContent()).toBe("Paused");
    await advanceEngineClock(3 * DAY);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(to(ada)).toHaveLength(1);
    await page.getByRole("button", { name: "Resume" }).click();
    await expect.poll(() => page.getByTestId("campaign-status").first().textContent()).toBe("Running");

    // Step 2, in the same thread, for Ada only.
    await advanceEngineClock(3 * DAY);
    await expect.poll(() => to(ada).length, { timeout: 60_000 }).toBe(2);
    const second = to(ada)[1];
    expect(second.parsed.subject).toBe("Re: Release speed at Analytical Engines");
    expect(second.parsed.inReplyTo).toBe(first.parsed.messageId);
    expect(to(grace)).toHaveLength(1);

    // Ada replies (marked on her lead page): step 3 is never sent.
    await page.goto(`/${team}/leads?q=${encodeURIComponent("ada")}`);
    await page.getByRole("link", { name: /Ada/ }).first().click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Mark as replied" }).click();
    await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toMatch(/replied/i);
    await advanceEngineClock(10 * DAY);
    await new Promise((r) => setTimeout(r, 4_000));
    expect(to(ada)).toHaveLength(2);
    expect(to(grace)).toHaveLength(1);

    await page.goto(campaignUrl);
    const rows = page.getByTestId("enrolment-row");
    await expect.poll(async () => (await rows.filter({ hasText: ada }).textContent()) ?? "").toMatch(/replied/i);
    expect((await rows.filter({ hasText: grace }).textContent()) ?? "").toMatch(/unsubscribed/i);
    await screenshot(page, "campaign-flow-results");
  });
});
