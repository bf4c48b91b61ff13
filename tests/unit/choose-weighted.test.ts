import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { chooseWeighted } from "@/lib/campaigns/choose-weighted";

describe("chooseWeighted", () => {
  it("always gives the same seed the same item", () => {
    const items = [{ id: "A", weight: 1 }, { id: "B", weight: 1 }];
    const seed = randomUUID();
    expect(new Set(Array.from({ length: 20 }, () => chooseWeighted(items, seed)!.id)).size).toBe(1);
  });

  it("never picks a weight-0 item and returns null when every weight is 0", () => {
    const items = [{ id: "A", weight: 0 }, { id: "B", weight: 2 }];
    for (let i = 0; i < 200; i++) expect(chooseWeighted(items, randomUUID())!.id).toBe("B");
    expect(chooseWeighted([{ id: "A", weight: 0 }], "x")).toBeNull();
  });

  it("splits 3:1 weights within tolerance over 1,000 seeds", () => {
    const items = [{ id: "A", weight: 3 }, { id: "B", weight: 1 }];
    const counts = { A: 0, B: 0 };
    for (let i = 0; i < 1000; i++) counts[chooseWeighted(items, `${randomUUID()}:step`)!.id as "A" | "B"]++;
    expect(counts.A).toBeGreaterThan(700);
    expect(counts.A).toBeLessThan(800);
  });
});
