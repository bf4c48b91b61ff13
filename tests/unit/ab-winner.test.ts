import { describe, expect, it } from "vitest";
import { judgeAbTest, normalCdf, twoProportionZTest } from "@/lib/campaigns/ab-winner";

describe("A/B winner on reply rate", () => {
  it("computes the normal CDF to the precision of printed tables", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 5);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
  });

  it("matches a textbook two-proportion z-test", () => {
    // 30/100 vs 15/100: pooled 0.225, se = sqrt(.225*.775*.02) = 0.05905, z = 2.540, p = 0.0111
    const result = twoProportionZTest({ sent: 100, replied: 30 }, { sent: 100, replied: 15 })!;
    expect(result.z).toBeCloseTo(2.5403, 3);
    expect(result.pValue).toBeCloseTo(0.01108, 4);
    expect(twoProportionZTest({ sent: 50, replied: 0 }, { sent: 50, replied: 0 })).toBeNull();
  });

  it("names the better variant when p < 0.05 and both have at least 30 sends", () => {
    const verdict = judgeAbTest([
      { variantId: "b", sent: 100, replied: 15 },
      { variantId: "a", sent: 100, replied: 30 },
      { variantId: "c", sent: 100, replied: 10 },
    ]);
    expect(verdict).toMatchObject({ kind: "winner", variantId: "a", runnerUpId: "b" });
    if (verdict.kind === "winner") expect(verdict.pValue).toBeLessThan(0.05);
  });

  it("says not enough data below 30 sends per variant, however large the gap", () => {
    const verdict = judgeAbTest([
      { variantId: "a", sent: 20, replied: 10 },
      { variantId: "b", sent: 25, replied: 0 },
    ]);
    expect(verdict.kind).toBe("not_enough_data");
    if (verdict.kind === "not_enough_data") expect(verdict.moreSendsPerVariant).toBe(10);
  });

  it("says not enough data when the gap is not significant, with a rough count of sends still needed", () => {
    // 12/100 vs 10/100: p ≈ 0.65; about 1,700 sends each would be needed for this gap.
    const verdict = judgeAbTest([
      { variantId: "a", sent: 100, replied: 12 },
      { variantId: "b", sent: 100, replied: 10 },
    ]);
    expect(verdict.kind).toBe("not_enough_data");
    if (verdict.kind !== "not_enough_data") return;
    expect(verdict.pValue).toBeGreaterThan(0.5);
    expect(verdict.moreSendsPerVariant).toBeGreaterThan(1500);
    expect(verdict.moreSendsPerVariant).toBeLessThan(2000);
  });

  it("gives no estimate when the rates are level, and nothing to judge with one variant", () => {
    const level = judgeAbTest([
      { variantId: "a", sent: 60, replied: 6 },
      { variantId: "b", sent: 60, replied: 6 },
    ]);
    expect(level).toMatchObject({ kind: "not_enough_data", moreSendsPerVariant: null });
    expect(judgeAbTest([{ variantId: "a", sent: 500, replied: 50 }])).toEqual({ kind: "single_variant" });
  });
});
