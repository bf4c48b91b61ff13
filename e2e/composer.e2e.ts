import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, screenshot, signInThroughOutbox } from "./support/browser";

const uniqueEmail = (who: string) => `${who}-${randomBytes(3).toString("hex")}@example.com`;
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function fillAdHocBrief(page: Page) {
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await page.getByLabel("Email", { exact: true }).fill("ada@acme-robotics.example");
  await page.getByLabel("Company").fill("Acme Robotics");
  await page.getByLabel("Title").fill("Head of Operations");
  await page.getByLabel("Add a fact").fill("Acme Robotics opened a new warehouse in Rotterdam");
  await page.getByLabel("Source URL").fill("https://acme-robotics.example/news/rotterdam");
  await page.getByRole("button", { name: "Add fact" }).click();
  await page.getByLabel("Goal").fill("Book a short call about cutting picking errors in their warehouses");
}

const body = (page: Page) => page.getByLabel("Body").inputValue();
const cacheState = (page: Page) => page.getByTestId("draft-cache").getAttribute("data-cache", { timeout: 1000 }).catch(() => null);
/** Waits for the writer to finish: the Stop button is gone and the cache badge is back. */
async function waitForDraft(page: Page, cache: "hit" | "miss") {
  await expect.poll(() => cacheState(page), { timeout: 20_000 }).toBe(cache);
  expect(await page.getByRole("button", { name: "Stop" }).count()).toBe(0);
}

/** Sticky bars smear across a full-page shot taken while scrolled (Write brings the draft into view). */
async function scrollToTop(page: Page) {
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
}

describe("AI composer", () => {
  const rep = uniqueEmail("composer");

  it("streams a draft for a typed-in lead, says which model wrote it, scores it, and serves a repeat from the cache", async () => {
    const { context, page } = await newPage(browser);
    await page.emulateMedia({ reducedMotion: "reduce" });
    const team = await signInThroughOutbox(page, rep);
    await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Compose", exact: true }).click();
    await page.waitForURL(`**/${team}/compose`);
    expect(await page.getByTestId("draft-model").textContent()).toContain("Offline writer");

    // The route's schema, checked in the browser: no goal, no request.
    await page.getByRole("button", { name: "Write", exact: true }).click();
    await expect.poll(() => page.getByText("Say what the email should achieve.").count()).toBe(1);
    expect(await page.getByLabel("Goal").evaluate((el) => el === document.activeElement)).toBe(true);

    await fillAdHocBrief(page);
    const facts = page.getByTestId("fact-list").getByRole("listitem");
    expect(await facts.count()).toBe(1);
    expect(await facts.first().textContent()).toContain("f1");

    // Sample the body every few ms in the page, so partial text is seen however fast the words come.
    await page.evaluate(() => {
      const el = document.getElementById("compose-body") as HTMLTextAreaElement;
      const w = window as unknown as { __lengths: number[]; __sampler: number };
      w.__lengths = [];
      w.__sampler = window.setInterval(() => w.__lengths.push(el.value.length), 4);
    });
    await page.getByRole("button", { name: "Write", exact: true }).click();
    await waitForDraft(page, "miss");
    const lengths = await page.evaluate(() => {
      const w = window as unknown as { __lengths: number[]; __sampler: number };
      clearInterval(w.__sampler);
      return w.__lengths;
    });
    const first = await body(page);
    expect(lengths.some((n) => n > 0 && n < first.length), `samples: ${lengths.filter((n) => n > 0).slice(0, 20).join(",")}`).toBe(true);

    const subject = await page.getByLabel("Subject").inputValue();
    expect(subject.trim().length).toBeGreaterThan(0);
    expect(wordsIn(first)).toBeGreaterThanOrEqual(50);
    expect(wordsIn(first)).toBeLessThanOrEqual(125);
    expect(first).not.toContain("Facts used");
    expect(await page.getByTestId("draft-model").textContent()).toMatch(/offline/i);
    const score = Number(await page.getByTestId("email-score").textContent());
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(100);
    // The writer reports the hand-added fact, linked to its source.
    const used = page.getByTestId("facts-used");
    expect(await used.textContent()).toContain("f1");
    expect(await used.getByRole("link").first().getAttribute("href")).toBe("https://acme-robotics.example/news/rotterdam");

    await page.getByRole("button", { name: "Regenerate" }).click();
    await waitForDraft(page, "miss");
    const regenerated = await body(page);
    expect(wordsIn(regenerated)).toBeGreaterThanOrEqual(50);

    // The same brief again, from the keyboard: answered from the cache with the draft just written.
    await page.getByLabel("Goal").press("Control+Enter");
    await waitForDraft(page, "hit");
    expect(await body(page)).toBe(regenerated);
    expect(await page.getByTestId("draft-cache").textContent()).toContain("From cache");

    // No mailbox yet: sending is off, with the way to fix that.
    expect(await page.getByRole("button", { name: "Send now" }).isDisabled()).toBe(true);
    const mailboxes = page.getByTestId("no-mailbox").getByRole("link", { name: "Add one on the Mailboxes page" });
    expect(await mailboxes.getAttribute("href")).toBe(`/${team}/mailboxes`);

    await scrollToTop(page);
    await screenshot(page, "composer");
    await context.close();
  });

  it("fits a phone-sized screen", async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    // No smooth scrolling to wait out before the screenshot.
    await page.emulateMedia({ reducedMotion: "reduce" });
    const team = await signInThroughOutbox(page, rep);
    await page.goto(`/${team}/compose`);
    await fillAdHocBrief(page);
    await page.getByRole("button", { name: "Write", exact: true }).click();
    await waitForDraft(page, "hit");
    expect(wordsIn(await body(page))).toBeGreaterThanOrEqual(50);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await scrollToTop(page);
    await screenshot(page, "composer-phone");
    await context.close();
  });

  it("lists the rep's finished drafts, opens one back into the editor, and deletes one after confirming", async () => {
    const { context, page } = await newPage(browser);
    await page.emulateMedia({ reducedMotion: "reduce" });
    const team = await signInThroughOutbox(page, rep);
    await page.goto(`/${team}/compose`);
    // Write, regenerate, the cache hit, and the phone's cache hit: each one was kept.
    const drafts = page.getByTestId("recent-draft");
    expect(await drafts.count()).toBe(4);
    const newest = drafts.first();
    const text = await newest.textContent();
    expect(text).toContain("ada@acme-robotics.example");
    expect(text).toContain("Offline writer");
    const savedSubject = (await newest.locator("p").first().textContent()) ?? "";
    expect(savedSubject.length).toBeGreaterThan(0);

    expect(await page.getByLabel("Subject").inputValue()).toBe("");
    await newest.getByRole("button", { name: "Open" }).click();
    expect(await page.getByLabel("Subject").inputValue()).toBe(savedSubject);
    expect(wordsIn(await body(page))).toBeGreaterThanOrEqual(50);
    expect(await page.getByTestId("draft-model").textContent()).toContain("Offline writer");

    await drafts.last().getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    expect(await dialog.textContent()).toContain("Delete the draft");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => drafts.count(), { timeout: 10_000 }).toBe(3);
    // The opened draft stays in the editor while the list changes.
    expect(await page.getByLabel("Subject").inputValue()).toBe(savedSubject);

    await scrollToTop(page);
    await screenshot(page, "composer-recent-drafts");
    await context.close();
  });
});
