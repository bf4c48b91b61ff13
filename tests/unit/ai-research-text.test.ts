import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractFactsWithRules, toThirdPerson } from "@/lib/ai/offline-writer/extract-facts-rules";
import { extractReadableText } from "@/lib/research/extract-readable-text";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/ai-research", name), "utf8");

describe("extractReadableText", () => {
  const news = extractReadableText(fixture("news.html"));

  it("keeps the title, description, headings and paragraphs in order, with entities decoded", () => {
    expect(news.title).toBe("Newsroom — Orbital Freight");
    expect(news.description).toBe("News and announcements from Orbital Freight.");
    expect(news.blocks[0]).toEqual({ kind: "paragraph", text: "We use cookies to improve your experience. Accept all cookies?" });
    expect(news.blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual([
      "Orbital Freight raises $48M Series B",
      "New: live carbon reports",
      "Customers",
    ]);
    expect(news.text).toContain("expand its European network & double the size");
    expect(news.text).toContain("It’s been a big year for the team.");
  });

  it("drops scripts, styles, navigation and the footer", () => {
    for (const hidden of ["analytics", "SoftBank", "$1B", "Pricing", "All rights reserved", "querySelector"]) expect(news.text).not.toContain(hidden);
    const careers = extractReadableText(fixture("careers.html"));
    expect(careers.text).not.toContain("Blog");
    expect(careers.text).not.toContain("$2B");
    expect(careers.blocks).toContainEqual({ kind: "item", text: "Senior Backend Engineer (Berlin)" });
  });

  it("survives broken markup: an unclosed script and stray tags", () => {
    const broken = extractReadableText("<p>Real text here.<b>bold<p>Second<script>var leaked = 1;");
    expect(broken.text).toBe("Real text here. bold\n\nSecond");
  });
});

describe("offline fact rules", () => {
  it("turns a company's own first-person sentences into claims about it", () => {
    expect(toThirdPerson("We're hiring 25 people and our team doubled.", "Orbital Freight")).toBe("Orbital Freight is hiring 25 people and Orbital Freight's team doubled.");
  });

  it("keeps company news and numbers, not calls to action, questions or cookie notices", () => {
    const { text } = extractReadableText(fixture("news.html"));
    const { facts } = extractFactsWithRules({ url: "https://orbital.example/news", title: "", text, company: "Orbital Freight", fetchedAt: "2026-12-01T00:00:00Z" });
    const claims = facts.map((f) => f.claim);
    expect(claims).toContain("Orbital Freight today announced a $48M Series B led by Northzone, with participation from existing investors.");
    expect(claims).toContain("Orbital Freight launched live carbon reports for every shipment, now available to all customers at no extra cost.");
    expect(claims).toContain("Over 900 retailers, including Brightwater Home and Kettle & Co, ship with Orbital Freight every week.");
    for (const noise of ["cookies", "Book a demo", "big year"]) expect(claims.join(" ")).not.toContain(noise);
    // Strongest evidence first; confidence stays below certainty for rules.
    expect(claims[0]).toMatch(/\$48M Series B led by Northzone/);
    for (const f of facts) expect(f.confidence).toBeGreaterThan(0.3);
    for (const f of facts) expect(f.confidence).toBeLessThanOrEqual(0.9);
  });

  it("finds nothing on a page with nothing to say", () => {
    const { text } = extractReadableText(fixture("empty.html"));
    expect(extractFactsWithRules({ url: "https://orbital.example/", title: "", text, fetchedAt: "2026-12-01T00:00:00Z" }).facts).toEqual([]);
  });
});
