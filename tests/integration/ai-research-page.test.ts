// Research end to end: fixture pages served over HTTP → safe fetch → readable text → sourced facts.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLanguageModel } from "@/lib/ai/models";
import { researchPage } from "@/lib/research/research-page";
import { startOpenAICompatibleServer, type OpenAICompatibleServer } from "@/tests/support/openai-compatible-server";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/ai-research");
let site: http.Server;
let base = "";
let allow: string[] = [];
let llm: OpenAICompatibleServer;

beforeAll(async () => {
  site = http.createServer((req, res) => {
    if (req.url === "/about") return res.writeHead(301, { location: "/news" }).end();
    const file = path.join(FIXTURES, `${(req.url ?? "/").replace(/[^a-z-]/g, "")}.html`);
    if (!fs.existsSync(file)) return res.writeHead(404, { "content-type": "text/html" }).end("<p>missing</p>");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  const { port } = site.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  allow = [`127.0.0.1:${port}`];
  llm = await startOpenAICompatibleServer();
});
afterAll(async () => {
  site?.closeAllConnections();
  await new Promise<void>((r) => site?.close(() => r()));
  await llm?.close();
});

describe("researchPage", () => {
  it("turns the news page into facts that cite the page they came from (offline rules)", async () => {
    const result = await researchPage(`${base}/news`, { company: "Orbital Freight", model: getLanguageModel({}), fetch: { allowPrivateForTests: allow } });
    expect(result.source).toMatchObject({ url: `${base}/news`, title: "Newsroom — Orbital Freight", status: 200 });
    expect(result.facts.length).toBeGreaterThanOrEqual(3);
    for (const fact of result.facts) {
      expect(fact.sourceUrl).toBe(`${base}/news`);
      expect(fact.fetchedAt).toBe(result.source.fetchedAt);
    }
    expect(result.facts[0].claim).toBe("Orbital Freight today announced a $48M Series B led by Northzone, with participation from existing investors.");
    // Text the page hid from readers (scripts, styles, noscript) never becomes a fact.
    expect(JSON.stringify(result.facts)).not.toMatch(/SoftBank|\$1B|\$900M/);
  });

  it("cites the final URL after a redirect, and rewrites first-person hiring news", async () => {
    const about = await researchPage(`${base}/about`, { company: "Orbital Freight", model: getLanguageModel({}), fetch: { allowPrivateForTests: allow } });
    expect(about.source.url).toBe(`${base}/news`);
    expect(about.facts[0].sourceUrl).toBe(`${base}/news`);
    const careers = await researchPage(`${base}/careers`, { company: "Orbital Freight", model: getLanguageModel({}), fetch: { allowPrivateForTests: allow } });
    expect(careers.facts.map((f) => f.claim)).toEqual([
      "Orbital Freight is hiring 25 people across sales and engineering in Berlin and Lisbon this year.",
      "Orbital Freight's team has grown from 40 to 120 people since 2024.",
    ]);
  });

  it("extracts through a real model client the same way", async () => {
    const model = getLanguageModel({ OPENAI_BASE_URL: llm.baseURL, OPENAI_MODEL: "test-model" });
    const result = await researchPage(`${base}/careers`, { company: "Orbital Freight", model, fetch: { allowPrivateForTests: allow } });
    expect(result.facts).toHaveLength(2);
    expect(llm.calls).toBe(1);
  });

  it("records a refused or failed source instead of failing the whole research", async () => {
    const refused = await researchPage(`${base}/news`, { model: getLanguageModel({}) });
    expect(refused.facts).toEqual([]);
    expect(refused.source.error).toMatch(/private or reserved network address/);
    const missing = await researchPage(`${base}/nothing`, { model: getLanguageModel({}), fetch: { allowPrivateForTests: allow } });
    expect(missing.source).toMatchObject({ status: 404, error: "The page answered HTTP 404." });
    const empty = await researchPage(`${base}/empty`, { model: getLanguageModel({}), fetch: { allowPrivateForTests: allow } });
    expect(empty).toMatchObject({ source: { title: "Welcome", status: 200 }, facts: [] });
  });
});
