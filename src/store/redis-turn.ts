// The beginning of a turn in one round trip. Before it there were three, one after another: take
// the turn lock; then read the handled mark and the record; then count the message in the flood
// window. One script does all three on the conversation's slot (every key carries its hash tag),
// and only once the lock is ours: a busy lock answers its remaining life, and the caller waits for
// its release (notified, as withLock waits) and tries again.
import type { TurnStart } from '../core/ports.ts';
import { decodeRecord } from './record-codec.ts';

// KEYS: turn lock, record, handled ids, flood counter, owned keys. ARGV: token, lock ttl, message
// id, flood window, now (ms). Follows OWN (redis.ts), whose own() names the counter for erase.
// {-1, pttl}: someone else holds the lock; {1}: the message was handled; {0, count, record or false}.
export const BEGIN_TURN = `if not redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {-1, redis.call('pttl', KEYS[1])} end
local expires = redis.call('zscore', KEYS[3], ARGV[3])
if expires and tonumber(expires) > tonumber(ARGV[5]) then return {1} end
local c = redis.call('incr', KEYS[4])
if c == 1 then redis.call('pexpire', KEYS[4], ARGV[4]) own(KEYS[5], KEYS[4], ARGV[4]) end
return {0, c, redis.call('get', KEYS[2])}`;

/** The script's answer: the lock taken, with what the turn starts from; or how long it stays busy. */
export function readBegin(reply: unknown): { taken: TurnStart<never> } | { busyMs: number } {
  const [status, a, raw] = reply as [number, number?, (string | null)?];
  if (status === -1) return { busyMs: Number(a) };
  if (status === 1) return { taken: { handled: true, count: 0 } };
  const start: TurnStart<never> = { handled: false, count: Number(a) };
  if (typeof raw === 'string') start.record = decodeRecord(raw);
  return { taken: start };
}
