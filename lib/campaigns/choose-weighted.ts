// A weighted pick that is the same every time for the same seed: a retried step, a resumed run and a
// re-read all land on the same variant or mailbox, while across many seeds the split follows the weights.
import { createHash } from "node:crypto";

export function chooseWeighted<T extends { weight: number }>(items: readonly T[], seed: string): T | null {
  const live = items.filter((i) => i.weight > 0);
  const total = live.reduce((sum, i) => sum + i.weight, 0);
  if (total === 0) return null;
  const unit = createHash("sha256").update(seed).digest().readUInt32BE(0) / 2 ** 32;
  let point = unit * total;
  for (const item of live) {
    point -= item.weight;
    if (point < 0) return item;
  }
  return live[live.length - 1];
}
