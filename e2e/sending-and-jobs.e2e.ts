import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpTestServer } from "../tests/support/smtp-test-server";
import { launchBrowser, newPage, screenshot, signInThroughOutbox } from "./support/browser";
import { advanceEngineClock } from "./support/engine-clock";

const uniqueEmail = (who: string) => `${who}-${randomBytes(3).toString("hex")}@example.com`;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

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

async function setWindow(page: Page, team: string, mailboxEmail: string, days: number[], from: string, until: string) {
  await page.goto(`/${team}/mailboxes`);
  await page.getByRole("link", { name: mailboxEmail }).click();
  await page.waitForURL(/\/mailboxes\/[0-9a-f-]{36}$/);
  for (const [i, day] of DAYS.entries()) {
    const box = page.getByLabel(day, { exact: true });
    if ((await box.isChecked()) !== days.includes(i)) await box.click();
  }
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("Until", { exact: true }).fill(until);
  await page.getByLabel("Time zone").fill("UTC");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Saved.");
}

async function composeAndSend(page: Page, team: string, to: string, from: string, extraParagraph: string) {
  await page.goto(`/${team}/compose`);
  await page.getByLabel("First name").fill("Grace");
  await page.getByLabel("Email", { exact: true }).fill(to);
  await page.getByLabel("Company").fill("Hopper Labs");
  await page.getByLabel("Goal").fill("Book a short call about their release process");
  await page.getByRole("button", { name: "Write", exact: true }).click();
  await expect.poll(() => page.getByLabel("Subject").inputValue(), { timeout: 30_000 }).not.toBe("");
  await expect.poll(async () => (await page.getByLabel("Body").inputValue()).includes("Best"), { timeout: 30_000 }).toBe(true);
  const body = page.getByLabel("Body");
  await body.fill(`${await body.inputValue()}\n\n${extraParagraph}`);
  await page.getByLabel("From", { exact: true }).selectOption({ label: from });
  const claims = page.locator("#send-claims-checked");
  if (await claims.count()) await claims.click();
  await page.getByRole("button", { name: "Send now" }).click();
  const open = page.getByRole("link", { name: "Open the email" });
  await open.waitFor({ timeout: 30_000 });
  await open.click();
  await page.waitForURL(/\/emails\/[0-9a-f-]{36}$/);
}

describe("sending, tracking and jobs", () => {
  it("connects an SMTP mailbox, sends one tracked email from the UI, and shows its open and click on the timeline", async () => {
    const { context, page } = await newPage(browser);
    const team = await signInThroughOutbox(page, uniqueEmail("sender"));
    const mailbox = uniqueEmail("rep");

    await page.goto(`/${team}/mailboxes`);
    await page.locator("#smtp-email").fill(mailbox);
    await page.locator("#smtp-smtpHost").fill("127.0.0.1");
    await page.locator("#smtp-smtpPort").fill(String(smtp.port));
    await page.locator("#smtp-smtpUser").fill("rep");
    await page.locator("#smtp-smtpPassword").fill("wrong");
    await page.getByRole("button", { name: "Verify and connect" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("could not log in");
    await page.locator("#smtp-smtpPassword").fill("s3cret");
    await page.getByRole("button", { name: "Verify and connect" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain(`Connected ${mailbox}`);
    await setWindow(page, team, mailbox, [0, 1, 2, 3, 4, 5, 6], "00:00", "23:59");

    const recipient = uniqueEmail("grace");
    await composeAndSend(page, team, recipient, mailbox, "Our release checklist is at https://example.com/checklist");
    await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(1).catch(async (error) => {
      // Leave evidence: the email page and the send run as the app saw them.
      console.log("EMAIL PAGE:", (await page.locator("main").textContent())?.slice(0, 1500));
      await page.goto(`/${team}/jobs`);
      await page.getByTestId("run-row").first().getByRole("link").click();
      await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
      console.log("RUN PAGE:", (await page.locator("main").textContent())?.slice(0, 3000));
      throw error;
    });
    const [message] = smtp.received;
    expect(message.envelope.to).toEqual([recipient]);
    expect(message.raw.toString()).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const html = String(message.parsed.html);
    const pixel = html.match(/src="([^"]*\/t\/o\/[^"]+)"/)?.[1];
    const click = html.match(/href="([^"]*\/t\/c\/[^"]+)"/)?.[1];
    expect(pixel).toBeTruthy();
    expect(click).toBeTruthy();
    expect(html).not.toContain('href="https://example.com/checklist"');

    // Hits in the first seconds after delivery are treated as machine traffic; a person opens a little later.
    await new Promise((r) => setTimeout(r, 11_000));
    const reader = await newPage(browser);
    await reader.page.goto(pixel!);
    const landing = await reader.page.request.get(click!, { maxRedirects: 0 });
    expect(landing.status()).toBe(302);
    expect(landing.headers().location).toBe("https://example.com/checklist");
    await reader.context.close();

    await page.reload();
    const timeline = page.getByTestId("email-timeline");
    await expect.poll(() => timeline.textContent(), { timeout: 15_000 }).toContain("Opened");
    expect(await timeline.textContent()).toContain("Clicked");
    expect(await timeline.textContent()).toContain("Sent");
    await screenshot(page, "email-timeline");
    await context.close();
  });

  it("shows the send run's steps on the Jobs page, and cancels a run sleeping until its mailbox's window", async () => {
    const { context, page } = await newPage(browser);
    const team = await signInThroughOutbox(page, uniqueEmail("jobs"));
    const mailbox = uniqueEmail("local");
    await page.goto(`/${team}/mailboxes`);
    await page.locator("#local-email").fill(mailbox);
    await page.getByRole("button", { name: "Add local mailbox" }).click();
    await page.getByRole("link", { name: mailbox }).waitFor();
    // A window that opens the day after tomorrow in engine time (other specs move that clock forward by days, so the
    // wall clock's weekday could be the engine's today, inside the window): the send run must sleep.
    const later = (new Date(await advanceEngineClock(1)).getUTCDay() + 2) % 7; // 1 ms: the clock route answers with engine time
    await setWindow(page, team, mailbox, [later], "09:00", "17:00");
    await composeAndSend(page, team, uniqueEmail("ada"), mailbox, "Thanks for reading.");

    await page.goto(`/${team}/jobs`);
    const row = page.getByTestId("run-row").filter({ hasText: "Send an email" }).first();
    await expect.poll(() => row.getByTestId("run-status").textContent(), { timeout: 30_000 }).toBe("sleeping");
    await row.getByRole("link", { name: "Send an email" }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId("step-row").count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId("run-sleeping-until").textContent()).toContain("Sleeping until");
    expect(await page.getByTestId("step-row").first().textContent()).toContain("reserve-slot");
    await screenshot(page, "jobs-run-sleeping");
    await page.getByRole("button", { name: "Cancel run" }).click();
    await expect.poll(() => page.getByTestId("run-status").first().textContent(), { timeout: 15_000 }).toBe("cancelled");

    // The test job goes through the outgoing-mail layer to this team's outbox.
    await page.goto(`/${team}/jobs`);
    await page.getByRole("button", { name: "Send a test email to myself" }).click();
    const testRun = page.getByTestId("run-row").filter({ hasText: "Send a test email" }).first();
    await expect.poll(() => testRun.getByTestId("run-status").textContent().catch(() => null), { timeout: 30_000 }).toBe("completed");
    await page.goto(`/${team}/outbox`);
    expect(await page.getByTestId("outbox-list").textContent()).toContain("test-email");
    await context.close();
  });
});
