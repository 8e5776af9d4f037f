/**
 * `make(key)` computed once per key, on first call: the caches of language data (by file name,
 * src/language.ts) and of repair's per-model tables (by object, src/repair/hypotheses.ts,
 * engines.ts). `memo` keeps every value (a Map, for a fixed set of keys such as file names);
 * `memoByObject` keeps a value while its key object lives (a WeakMap), `memoByObjects` while both of
 * its two keys do. `remember` is the store of the word caches of repair's hot path (a Map by word,
 * emptied when full, so a long run's memory stays bounded).
 */

/** `make(key)` computed once per key, on first call (a value of `undefined` is made again). */
export function memo<K, V>(make: (key: K) => V, made: { get(key: K): V | undefined; set(key: K, value: V): unknown } = new Map<K, V>()): (key: K) => V {
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

/** `make(key)` computed once per key object and kept while the key lives. */
export function memoByObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  return memo(make, new WeakMap<K, V>());
}

/** `make(a, b)` computed once per pair of key objects and kept while both live. */
export function memoByObjects<A extends object, B extends object, V>(make: (a: A, b: B) => V): (a: A, b: B) => V {
  const byA = memoByObject((a: A) => memoByObject((b: B) => make(a, b)));
  return (a, b) => byA(a)(b);
}

/** Stores `value` under `key` in `cache`, emptying the cache first when it holds `limit` entries;
 * gives `value` back. */
export function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): V {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
