// The reply loop in Chromium against `next start`, with no mail account: a rep sends from a local mailbox, plays the
// recipient on the Outbox message ("Write a reply as the recipient" → a real RFC 822 reply through the ingest),
// finds it unread in the Inbox, opens the conversation (ours and theirs), corrects its intent, and answers; the
// answer leaves through the same mailbox threaded under their message (In-Reply-To/References on the message).
// Replies over SMTP are asserted at the SMTP server in tests/integration/inbox.test.ts.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAroundTheClock } from "./support/mailbox-settings";
import { sendFromComposer } from "./support/send-from-composer";
import { launchBrowser, newPage, screenshot, signInThroughOutbox } from "./support/browser";

const hex = randomBytes(3).toString("hex");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function addLocalMailbox(page: Page, team: string, address: string) {
  await page.goto(`/${team}/mailboxes`);
  await page.locator("#local-email").fill(address);
  await page.locator("#local-name").fill("Rita Rep");
  await page.getByRole("button", { name: "Add local mailbox" }).click();
  await page.getByRole("link", { name: address }).click();
  await page.waitForURL(/\/mailboxes\/[0-9a-f-]{36}$/);
  await sendAroundTheClock(page);
}

/** Opens the newest team outbox message to `to` whose subject is `subject`; returns its headers as shown. */
async function openOutboxMessage(page: Page, team: string, to: string, subject: string): Promise<Record<string, string>> {
  await expect
    .poll(async () => {
      await page.goto(`/${team}/outbox`);
      return page.locator('[data-testid="outbox-list"] li').filter({ hasText: to }).filter({ hasText: subject }).count();
    }, { timeout: 30_000 })
    .toBeGreaterThan(0);
  await page.locator('[data-testid="outbox-list"] li').filter({ hasText: to }).filter({ hasText: subject }).first().locator("a").click();
  await page.waitForURL(/\/outbox\/[0-9a-f-]{36}$/);
  await page.getByRole("tab", { name: "Headers" }).click();
  const text = (await page.getByRole("tabpanel").textContent()) ?? "";
  return Object.fromEntries(text.split("\n").map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]));
}

describe("inbox", () => {
  it("shows a recipient's reply unread in the Inbox, the whole conversation, and sends the rep's answer threaded through the same mailbox", async () => {
    const { page } = await newPage(browser);
    const team = await signInThroughOutbox(page, `rep-${hex}@example.com`);
    const mailbox = `rita-${hex}@acme.test`;
    const grace = `grace-${hex}@hopper.example`;
    await addLocalMailbox(page, team, mailbox);

    await page.goto(`/${team}/inbox`);
    await expect.poll(() => page.getByText("No replies yet").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Go to Mailboxes" }).getAttribute("href")).toBe(`/${team}/mailboxes`);

    const subject = await sendFromComposer(page, { team, to: grace, firstName: "Grace", company: "Hopper Labs", fromLabel: `Rita Rep <${mailbox}>` });
    const ours = await openOutboxMessage(page, team, grace, subject);
    const ourMessageId = ours["Message-ID"];
    expect(ourMessageId).toMatch(/^<.+@acme\.test>$/);

    // Grace answers (played by the rep on the outbox message).
    await page.getByLabel("Their reply").fill("Sounds interesting, could we talk on Tuesday?");
    await page.getByRole("button", { name: "Deliver the reply" }).click();
    await page.getByRole("link", { name: "Open it in the Inbox" }).waitFor();

    await page.goto(`/${team}/inbox`);
    const row = page.getByTestId("inbox-row").filter({ hasText: grace });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute("data-unread")).toBe("true");
    expect(await row.getByTestId("inbox-snippet").textContent()).toBe("Sounds interesting, could we talk on Tuesday?");
    expect(await row.getByTestId("intent-badge").textContent()).toBe("Interested");
    expect(await page.getByTestId("nav-count-inbox").first().textContent()).toBe("1");
    await screenshot(page, "inbox-list");

    // A filter that excludes it empties the list; clearing it brings it back.
    await page.getByLabel("Intent").selectOption("not_interested");
    await page.waitForURL(/intent=not_interested/);
    await expect.poll(() => page.getByText("No reply matches").count()).toBe(1);
    await page.getByRole("link", { name: "Show the whole inbox" }).click();
    await expect.poll(() => page.getByTestId("inbox-row").count()).toBe(1);

    await page.getByTestId("inbox-row").first().locator("a").click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const messages = page.getByTestId("thread-message");
    await expect.poll(() => messages.count()).toBe(2);
    expect(await messages.nth(0).getAttribute("data-direction")).toBe("outbound");
    expect(await messages.nth(0).getAttribute("data-message-id")).toBe(ourMessageId);
    expect(await messages.nth(1).getAttribute("data-direction")).toBe("inbound");
    expect(await messages.nth(1).getByTestId("thread-message-text").textContent()).toContain("could we talk on Tuesday?");
    const theirMessageId = (await messages.nth(1).getAttribute("data-message-id"))!;
    expect(theirMessageId).toMatch(/@hopper\.example>$/);

    // The rep corrects the intent; it sticks.
    await page.getByLabel("Intent", { exact: true }).selectOption("question");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Saved as Question." }).count()).toBe(1);
    await page.reload();
    expect(await page.getByLabel("Intent", { exact: true }).inputValue()).toBe("question");
    expect(await page.getByText("Set by your team.").count()).toBe(1);

    expect(await page.getByLabel("Subject").inputValue()).toBe(`Re: ${subject}`);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(async () => (await page.getByLabel("Your reply").getAttribute("aria-invalid")) ?? "").toBe("true");
    await page.getByLabel("Your reply").fill("Tuesday 10:00 works. I'll send an invite.\n\nRita");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: /Reply (sent|queued)/ }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => { await page.reload(); return messages.count(); }, { timeout: 30_000 }).toBe(3);
    await screenshot(page, "inbox-thread");

    // The answer left through the same (local) mailbox, threaded under Grace's message.
    const answer = await openOutboxMessage(page, team, grace, `Re: ${subject}`);
    expect(answer["In-Reply-To"]).toBe(theirMessageId);
    expect(answer.References.split(/\s+/)).toEqual([ourMessageId, theirMessageId]);
    expect(await page.getByTestId("message-to").textContent()).toBe(grace);

    // Read now: no unread count, normal weight.
    await page.goto(`/${team}/inbox`);
    expect(await page.getByTestId("inbox-row").first().getAttribute("data-unread")).toBe("false");
    expect(await page.getByTestId("nav-count-inbox").count()).toBe(0);
  });
});
