// On a mailbox's page: let it send any day, any hour, without spacing, so specs need not wait for a window.
import type { Page } from "playwright-core";
import { expect } from "vitest";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export async function sendAroundTheClock(page: Page) {
  for (const day of DAYS) if (!(await page.getByLabel(day, { exact: true }).isChecked())) await page.getByLabel(day, { exact: true }).click();
  await page.getByLabel("From", { exact: true }).fill("00:00");
  await page.getByLabel("Until", { exact: true }).fill("23:59");
  await page.getByLabel("Time zone").fill("UTC");
  await page.getByLabel("Minimum spacing (seconds)").fill("0");
  await page.getByLabel("Random jitter (seconds)").fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Saved.");
}
