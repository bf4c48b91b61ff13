// The composer's quickest path: a new lead, a goal, "Write", pick the mailbox, "Send now". Returns the subject.
import type { Page } from "playwright-core";
import { expect } from "vitest";

export async function sendFromComposer(page: Page, { team, to, firstName, company, fromLabel }: { team: string; to: string; firstName: string; company: string; fromLabel: string }): Promise<string> {
  await page.goto(`/${team}/compose`);
  await page.getByLabel("First name").fill(firstName);
  await page.getByLabel("Email", { exact: true }).fill(to);
  await page.getByLabel("Company").fill(company);
  await page.getByLabel("Goal").fill("Book a short call about their release process");
  await page.getByRole("button", { name: "Write", exact: true }).click();
  await expect.poll(() => page.getByLabel("Subject").inputValue(), { timeout: 30_000 }).not.toBe("");
  await expect.poll(async () => (await page.getByLabel("Body").inputValue()).includes("Best"), { timeout: 30_000 }).toBe(true);
  await page.getByLabel("From", { exact: true }).selectOption({ label: fromLabel });
  const claims = page.locator("#send-claims-checked");
  if (await claims.count()) await claims.click();
  const subject = await page.getByLabel("Subject").inputValue();
  await page.getByRole("button", { name: "Send now" }).click();
  await page.getByRole("link", { name: "Open the email" }).waitFor({ timeout: 30_000 });
  return subject;
}
