// Several queries on one transaction, one after another: a transaction holds one connection, and a connection
// runs one query at a time (pg 8 queues overlapping ones with a deprecation warning; pg 9 refuses them).
export async function inOrder<T extends readonly unknown[] | []>(queries: { [K in keyof T]: () => PromiseLike<T[K]> }): Promise<{ -readonly [K in keyof T]: T[K] }> {
  const results: unknown[] = [];
  for (const query of queries as readonly (() => PromiseLike<unknown>)[]) results.push(await query());
  return results as { -readonly [K in keyof T]: T[K] };
}
