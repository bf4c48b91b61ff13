import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, screenshot, signInThroughOutbox } from "./support/browser";

const uniqueEmail = (who: string) => `${who}-${randomBytes(3).toString("hex")}@example.com`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("campaign pages", () => {
  const owner = uniqueEmail("camp-owner");
  let team = "";
  let campaignUrl = "";

  it("creates a draft campaign from the empty list, showing field errors first", async () => {
    const { context, page } = await newPage(browser);
    team = await signInThroughOutbox(page, owner);
    await page.goto(`/${team}/mailboxes`);
    await page.getByLabel("From address", { exact: true }).fill(`sender-${randomBytes(2).toString("hex")}@acme.test`);
    await page.getByRole("button", { name: "Add local mailbox" }).click();
    await expect.poll(() => page.getByTestId("mailbox-card").count()).toBe(1);

    await page.goto(`/${team}/campaigns`);
    expect(await page.getByText("No campaigns yet").count()).toBe(1);
    await page.getByRole("link", { name: "New campaign" }).last().click();
    await page.waitForURL(`**/${team}/campaigns/new`);

    await expect.poll(() => page.getByTestId("lead-count-preview").textContent()).toBe("0 leads match · 0 can be emailed");
    await page.getByLabel("Name", { exact: true }).fill("Fintech founders");
    await page.getByLabel("By tag").check();
    await page.getByLabel("From", { exact: true }).fill("17:00");
    await page.getByLabel("Until", { exact: true }).fill("09:00");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect.poll(() => page.getByText("Enter the tag whose leads to include.").count()).toBe(1);
    expect(await page.getByText("The sending window must end after it starts.").count()).toBe(1);
    // Nothing typed is lost on a rejected submit.
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Fintech founders");
    await screenshot(page, "campaign-new-errors");

    await page.getByLabel("Tag", { exact: true }).fill("fintech");
    await page.getByLabel("From", { exact: true }).fill("09:00");
    await page.getByLabel("Until", { exact: true }).fill("17:00");
    await page.locator('input[name="mailboxIds"]').first().check();
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    campaignUrl = new URL(page.url()).pathname;
    expect(await page.getByRole("heading", { name: "Fintech founders" }).count()).toBe(1);
    expect(await page.getByTestId("campaign-status").first().textContent()).toBe("Draft");
    expect(await page.getByText("Nobody enrolled yet").count()).toBe(1);
    await screenshot(page, "campaign-overview");

    await page.goto(`/${team}/campaigns`);
    expect(await page.getByTestId("campaign-row").count()).toBe(1);
    await context.close();
  });

  it("reviews the draft: blockers with links, and no way to start", async () => {
    const { context, page } = await newPage(browser);
    await signInThroughOutbox(page, owner);
    await page.goto(campaignUrl);
    await page.getByRole("link", { name: "Review & start" }).click();
    await page.waitForURL(`**${campaignUrl}/review`);
    const blockers = page.getByTestId("review-blockers");
    const text = await blockers.textContent();
    expect(text).toContain("No sequence is chosen.");
    expect(text).toContain("The team has no postal address.");
    expect(text).toContain("The lead selection matches no leads.");
    expect(await blockers.getByRole("link", { name: "Add it in Settings" }).getAttribute("href")).toBe(`/${team}/settings`);
    expect(await page.getByTestId("count-selected").textContent()).toBe("0");
    expect(await page.getByRole("button", { name: "Start campaign" }).isDisabled()).toBe(true);
    await screenshot(page, "campaign-review");
    await context.close();
  });

  it("edits, duplicates, and removes a sequence-less draft on archive (after confirming)", async () => {
    const { context, page } = await newPage(browser);
    await signInThroughOutbox(page, owner);
    await page.goto(`${campaignUrl}/edit`);
    expect(await page.getByLabel("Tag", { exact: true }).inputValue()).toBe("fintech");
    await page.getByLabel("Name", { exact: true }).fill("Fintech founders EU");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(`**${campaignUrl}`);
    expect(await page.getByRole("heading", { name: "Fintech founders EU" }).count()).toBe(1);

    await page.getByRole("button", { name: "Duplicate" }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\/edit$/);
    expect(page.url()).not.toContain(campaignUrl);
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Fintech founders EU (copy)");

    await page.goto(campaignUrl);
    await page.getByRole("button", { name: "Archive" }).click();
    const dialog = page.getByRole("alertdialog");
    expect(await dialog.getByText("Archive this campaign?").count()).toBe(1);
    await dialog.getByRole("button", { name: "Archive" }).click();
    // Without a sequence the draft has nothing to keep, so it goes; the copy stays.
    await page.waitForURL(`**/${team}/campaigns`);
    expect(await page.getByTestId("campaign-row").count()).toBe(1);
    expect(await page.getByText("Fintech founders EU (copy)").count()).toBe(1);
    await screenshot(page, "campaign-list");
    await context.close();
  });

  it("answers 404 for another team's campaign", async () => {
    const { context, page } = await newPage(browser);
    const other = await signInThroughOutbox(page, uniqueEmail("camp-outsider"));
    expect((await page.goto(campaignUrl))?.status()).toBe(404);
    expect((await page.goto(`/${other}${campaignUrl.slice(team.length + 1)}`))?.status()).toBe(404);
    await context.close();
  });
});
