import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, screenshot, signInThroughOutbox } from "./support/browser";

const uniqueEmail = (who: string) => `${who}-${randomBytes(3).toString("hex")}@example.com`;
const CSV = [
  "Work Email,First Name,Company,Favourite colour",
  "ada@example.com,Ada,Acme,green",
  "grace@example.com,Grace,Navy,blue",
  "not-an-address,Bad,Nowhere,red",
  "ADA@example.com,Ada twice,Acme,green",
  "=HYPERLINK(1),Formula,Evil,",
  "linus@example.com,Linus,Kernel,",
].join("\n");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("CSV lead import", () => {
  const owner = uniqueEmail("importer");
  let team = "";
  let importPath = "";

  it("uploads a CSV, maps its columns, runs the import with live progress and shows the summary", async () => {
    const { context, page } = await newPage(browser);
    team = await signInThroughOutbox(page, owner);
    await page.goto(`/${team}/leads/import`);
    expect(await page.getByText("No imports yet").count()).toBe(1);

    await page.getByLabel("CSV file").setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain('"notes.pdf" is not a CSV file.');

    await page.getByLabel("CSV file").setInputFiles({ name: "conference.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    await page.waitForURL(/\/leads\/import\/[0-9a-f-]{36}$/);
    importPath = new URL(page.url()).pathname;
    expect(await page.getByLabel("Field for column Work Email").inputValue()).toBe("email");
    expect(await page.getByLabel("Field for column Favourite colour").inputValue()).toBe("custom:favourite_colour");
    expect(await page.getByTestId("mapping-row").count()).toBe(4);
    await screenshot(page, "lead-import-mapping");

    // Email mapped twice: the form names the clash and starts nothing.
    await page.getByLabel("Field for column Company").selectOption("email");
    await page.getByRole("button", { name: "Start import" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain('"Work Email" is already mapped to Email');
    await page.getByLabel("Field for column Company").selectOption("company");
    await page.getByLabel("Update existing leads").check();
    await page.getByLabel("Tags to add").fill("conference, 2025");
    await page.getByRole("button", { name: "Start import" }).click();

    await expect.poll(() => page.getByTestId("summary-created").textContent(), { timeout: 30_000 }).toBe("3");
    expect(await page.getByTestId("summary-duplicates").textContent()).toBe("1");
    expect(await page.getByTestId("summary-rejected").textContent()).toBe("2");
    expect(await page.getByTestId("rejected-row").count()).toBe(2);
    expect(await page.getByRole("link", { name: "View imported leads" }).getAttribute("href")).toBe(`/${team}/leads?importId=${importPath.split("/").pop()}`);
    await screenshot(page, "lead-import-summary");

    const download = await page.getByRole("link", { name: "Download rejected rows (CSV)" }).getAttribute("href");
    const res = await page.request.get(download!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect((await res.text()).split("\r\n")).toEqual([
      "Work Email,First Name,Company,Favourite colour,reason",
      'not-an-address,Bad,Nowhere,red,"""not-an-address"" is not a valid email address"',
      `'=HYPERLINK(1),Formula,Evil,,"""=HYPERLINK(1)"" is not a valid email address"`,
      "",
    ]);

    await page.goto(`/${team}/leads/import`);
    expect(await page.getByTestId("import-row").filter({ hasText: "conference.csv" }).getByTestId("import-status").textContent()).toBe("Completed");
    await screenshot(page, "lead-import-list");
    await context.close();
  });

  it("answers 404 for another team's import page and rejected rows", async () => {
    const { context, page } = await newPage(browser);
    await signInThroughOutbox(page, uniqueEmail("outsider"));
    expect((await page.goto(importPath))?.status()).toBe(404);
    const importId = importPath.split("/").pop();
    const api = await page.request.get(`/api/teams/${team}/imports/${importId}/rejected`);
    expect(api.status()).toBe(404);
    await context.close();
  });
});
