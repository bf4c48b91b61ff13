// Replies on real mail servers, in Chromium against `next start`: the rep connects an SMTP mailbox with its IMAP
// inbox (a real Dovecot), sends an email (it reaches the real SMTP test server), the lead's reply lands in Dovecot,
// "Sync replies now" brings it into the Inbox, and the rep's answer from the thread reaches the SMTP server in the
// same thread (In-Reply-To = their Message-ID, References = ours then theirs).
import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDovecot } from "../tests/support/dovecot-server";
import { rawReply } from "../tests/support/raw-mail";
import { startSmtpTestServer } from "../tests/support/smtp-test-server";
import { sendAroundTheClock } from "./support/mailbox-settings";
import { sendFromComposer } from "./support/send-from-composer";
import { launchBrowser, newPage, screenshot, signInThroughOutbox } from "./support/browser";

const hex = randomBytes(3).toString("hex");
const REP = { user: "rep", password: "s3cret" };

let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
let dovecot: Awaited<ReturnType<typeof startDovecot>>;
beforeAll(async () => {
  browser = await launchBrowser();
  smtp = await startSmtpTestServer({ username: REP.user, password: REP.password });
  dovecot = await startDovecot({ users: [REP] });
});
afterAll(async () => {
  await browser?.close();
  await smtp?.close();
  await dovecot?.stop();
});

const to = (address: string) => smtp.received.filter((m) => m.envelope.to.includes(address));

describe("inbox over SMTP and IMAP", () => {
  it("syncs a lead's reply from the IMAP inbox into the Inbox and sends the answer in the same thread over SMTP", async () => {
    const { page } = await newPage(browser);
    const team = await signInThroughOutbox(page, `imap-rep-${hex}@example.com`);
    const mailbox = `rita-${hex}@acme.test`;
    const lead = `linus-${hex}@kernel.example`;

    await page.goto(`/${team}/settings`);
    await page.getByLabel("Postal address").fill("Acme Robotics Inc.\n500 Market Street\nSan Francisco, CA 94105");
    await page.getByRole("button", { name: /save/i }).first().click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/saved/i);

    await page.goto(`/${team}/mailboxes`);
    await page.locator("#smtp-email").fill(mailbox);
    await page.locator("#smtp-smtpHost").fill("127.0.0.1");
    await page.locator("#smtp-smtpPort").fill(String(smtp.port));
    await page.locator("#smtp-smtpUser").fill(REP.user);
    await page.locator("#smtp-smtpPassword").fill(REP.password);
    await page.locator("#smtp-imapHost").fill(dovecot.host);
    await page.locator("#smtp-imapPort").fill(String(dovecot.port));
    await page.locator('input[name="imapSecure"]').uncheck();
    await page.getByRole("button", { name: "Verify and connect" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 30_000 }).toContain(`Connected ${mailbox}`);
    await page.getByRole("link", { name: mailbox }).click();
    await page.waitForURL(/\/mailboxes\/[0-9a-f-]{36}$/);
    const mailboxPage = page.url();
    await sendAroundTheClock(page);

    // An email from the composer, over SMTP.
    const subject = await sendFromComposer(page, { team, to: lead, firstName: "Linus", company: "Kernel Labs", fromLabel: mailbox });
    await expect.poll(() => to(lead).length, { timeout: 30_000 }).toBe(1);
    const ours = to(lead)[0].parsed.messageId!;

    // Linus answers; the reply sits in the IMAP inbox until the mailbox syncs.
    await dovecot.deliver(REP.user, rawReply({ from: `Linus <${lead}>`, to: mailbox, subject: `Re: ${subject}`, inReplyTo: ours, text: "Yes, let's talk. Thursday at 2pm works for me." }));
    await page.goto(mailboxPage);
    await page.getByRole("button", { name: "Sync replies now" }).click();
    await expect.poll(() => page.getByText("Sync requested").count()).toBe(1);

    const row = page.getByTestId("inbox-row").filter({ hasText: lead });
    // The row appears as soon as it is stored; its intent follows once the classifier has run.
    await expect
      .poll(async () => {
        await page.goto(`/${team}/inbox`);
        return (await row.count()) === 1 && (await row.getByTestId("intent-badge").count()) === 1 ? row.getByTestId("intent-badge").textContent() : null;
      }, { timeout: 30_000 })
      .toBe("Interested");
    await row.locator("a").click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const messages = page.getByTestId("thread-message");
    await expect.poll(() => messages.count()).toBe(2);
    await screenshot(page, "inbox-imap-thread");
    expect(await messages.nth(0).getAttribute("data-message-id")).toBe(ours);
    const theirs = (await messages.nth(1).getAttribute("data-message-id"))!;

    await page.getByLabel("Your reply").fill("Thursday 2pm it is. Invite on its way.\n\nRita");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => to(lead).length, { timeout: 30_000 }).toBe(2);
    const answer = to(lead)[1].parsed;
    expect(answer.subject).toBe(`Re: ${subject}`);
    expect(answer.inReplyTo).toBe(theirs);
    const references = Array.isArray(answer.references) ? answer.references : [answer.references];
    expect(references).toEqual([ours, theirs]);
  });
});
