// Debian's Chromium through playwright-core (Playwright cannot download its own browsers here).
// launch() gives every run a fresh temporary profile of its own.
import { randomInt } from "node:crypto";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const baseURL = () => inject("baseURL");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  // Each context is a visitor from its own network: per-IP limits (sign-in: 10 per 10 minutes) apply per spec user,
  // as they would to separate people, not to the whole suite sharing 127.0.0.1.
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;
  const context = await browser.newContext({ baseURL: baseURL(), viewport, extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(inject("artifactsDir"), `${name}.png`), fullPage: true });
}

/** Opens the newest local-outbox message to `email` whose subject contains `subject`, and returns its first link. */
export async function linkFromOutbox(page: Page, email: string, subject: string): Promise<string> {
  await page.goto("/outbox");
  const row = page.locator('[data-testid="outbox-list"] li').filter({ hasText: email }).filter({ hasText: subject }).first();
  await row.locator("a").click();
  await expect.poll(() => page.locator('[data-testid="message-to"]').textContent()).toBe(email);
  const href = await page.locator('[data-testid="message-link"]').first().getAttribute("href");
  if (!href) throw new Error(`no link in the "${subject}" mail to ${email}`);
  return href;
}

/** Signs in through the magic link the app drops in its local outbox; returns the team slug it lands on. */
export async function signInThroughOutbox(page: Page, email: string, callbackUrl?: string): Promise<string> {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/sign-in\/check-email/);
  const link = await linkFromOutbox(page, email, "Sign in");
  await page.goto(link);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in") && !url.pathname.startsWith("/api/auth"));
  return new URL(page.url()).pathname.split("/")[1];
}
