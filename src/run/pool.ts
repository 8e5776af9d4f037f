/**
 * Runs `task` over `items` with at most `concurrency` at once, results in input order. A task that
 * throws stops new tasks from starting; the running ones are awaited before the first error is
 * rethrown, so nothing is still writing when the caller cleans up.
 */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  async function runner(): Promise<void> {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  }
  const runners = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, runner);
  await Promise.all(runners);
  if (failure) throw failure.error;
  return results;
}
