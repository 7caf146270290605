// A bounded memo for pure functions of a string. Chat repeats itself (the same words in every
// message, the same "menu" and "1" from every user, the same choice labels every turn), so the
// per-word and per-text work is kept — but only the most recently used entries, so memory stays
// bounded whatever the traffic. lru-cache evicts one entry at a time instead of dropping all.
import { LRUCache } from 'lru-cache';

export function memoize<V extends {}>(fn: (key: string) => V, max: number): (key: string) => V {
  const cache = new LRUCache<string, V>({ max });
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}
