/**
 * Items in lists by key, each list in the items' order, keys in the order they first appear; an
 * item whose key is null or undefined is left out (a member without a group). `pick` picks
 * what goes into the lists (the item itself by default).
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K | null | undefined): Map<K, T[]>;
export function groupBy<T, K, V>(
  items: Iterable<T>,
  keyOf: (item: T) => K | null | undefined,
  pick: (item: T) => V,
): Map<K, V[]>;
export function groupBy<T, K, V>(
  items: Iterable<T>,
  keyOf: (item: T) => K | null | undefined,
  pick?: (item: T) => V,
): Map<K, Array<T | V>> {
  const groups = new Map<K, Array<T | V>>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null || key === undefined) continue;
    const value = pick === undefined ? item : pick(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [value]);
    else list.push(value);
  }
  return groups;
}
