// Which variant of a step wins on reply rate: a two-sided two-proportion z-test between the best and the runner-up.
// Pure, so the statistics are unit-tested apart from the database.

export const MIN_SENDS_PER_VARIANT = 30;
export const SIGNIFICANCE = 0.05;
const Z_CRITICAL = 1.959964; // two-sided 5 %

export type VariantTally = { variantId: string; sent: number; replied: number };
export type AbVerdict =
  | { kind: "winner"; variantId: string; runnerUpId: string; pValue: number; z: number }
  | { kind: "not_enough_data"; pValue: number | null; moreSendsPerVariant: number | null; reason: string }
  | { kind: "single_variant" };

/** Standard normal CDF via Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), plenty for a p-value shown to two digits. */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Pooled two-proportion z-test; p-value is two-sided. Null when there is no variance to test (both 0 % or both 100 %). */
export function twoProportionZTest(a: { sent: number; replied: number }, b: { sent: number; replied: number }): { z: number; pValue: number } | null {
  if (a.sent === 0 || b.sent === 0) return null;
  const pooled = (a.replied + b.replied) / (a.sent + b.sent);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.sent + 1 / b.sent));
  if (se === 0) return null;
  const z = (a.replied / a.sent - b.replied / b.sent) / se;
  return { z, pValue: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

const rate = (v: VariantTally) => (v.sent === 0 ? 0 : v.replied / v.sent);

/** Roughly how many sends per variant would make the observed gap significant (no power term: a floor, not a promise). */
function sendsNeededPerVariant(best: VariantTally, second: VariantTally): number | null {
  const gap = rate(best) - rate(second);
  if (gap <= 0) return null;
  const pooled = (rate(best) + rate(second)) / 2;
  return Math.ceil((2 * Z_CRITICAL ** 2 * pooled * (1 - pooled)) / gap ** 2);
}

export function judgeAbTest(variants: VariantTally[]): AbVerdict {
  if (variants.length < 2) return { kind: "single_variant" };
  const ranked = [...variants].sort((x, y) => rate(y) - rate(x) || y.sent - x.sent);
  const [best, second] = ranked;
  const fewest = Math.min(best.sent, second.sent);
  const test = twoProportionZTest(best, second);
  const needed = sendsNeededPerVariant(best, second);
  const moreForSize = Math.max(0, MIN_SENDS_PER_VARIANT - fewest);
  const moreForSignificance = needed === null ? null : Math.max(0, needed - fewest);
  if (fewest < MIN_SENDS_PER_VARIANT) {
    return {
      kind: "not_enough_data",
      pValue: test?.pValue ?? null,
      moreSendsPerVariant: Math.max(moreForSize, moreForSignificance ?? 0),
      reason: `Each variant needs at least ${MIN_SENDS_PER_VARIANT} sends.`,
    };
  }
  if (test && test.pValue < SIGNIFICANCE && rate(best) > rate(second)) {
    return { kind: "winner", variantId: best.variantId, runnerUpId: second.variantId, pValue: test.pValue, z: test.z };
  }
  return {
    kind: "not_enough_data",
    pValue: test?.pValue ?? null,
    moreSendsPerVariant: moreForSignificance === null ? null : Math.max(1, moreForSignificance),
    reason: needed === null ? "The variants' reply rates are level so far." : "The difference in reply rate is not significant yet.",
  };
}
