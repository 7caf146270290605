// The outbox's scripts, shaped so that one reply costs as few round trips as it can: the lease is
// taken with the first items, the in-flight mark renews the lease it is fenced by (the confirm
// before the send), and the ack, when nothing is left, releases the lease. Every key of each script is in the
// conversation's slot (keys.ts), so each stays one script on a Redis Cluster.

// KEYS: lock, outbox. ARGV: token, ttl, how many items to read. Taken: -1 then the first items;
// otherwise how long the holder may still keep the lock (a waiter's longest wait).
export const ACQUIRE_PEEK = `if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local items = redis.call('lrange', KEYS[2], 0, tonumber(ARGV[3]) - 1)
  table.insert(items, 1, -1)
  return items
end
return {redis.call('pttl', KEYS[1])}`;

// KEYS: outbox, lock. ARGV: item id, fence ('' = none), item, lease life to renew ('' = none).
// -1: fenced. The renewal is the lease's confirm: it happens only where the fence holds.
export const UPDATE_HEAD = `if ARGV[2] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[2] then return -1 end
if ARGV[2] ~= '' and ARGV[4] ~= '' then redis.call('pexpire', KEYS[2], ARGV[4]) end
local h = redis.call('lindex', KEYS[1], 0)
if h and cjson.decode(h).id == ARGV[1] then redis.call('lset', KEYS[1], 0, ARGV[3]) end
return 0`;

// Removes the outbox's head (KEYS[1]) if it is the item ARGV[1]; `h` is then what it removed, or
// the head left in place. Popped first and put back when it is another item: under the lease the
// head is the item acked, so the usual case costs one command where reading it first cost two
// (the outbox has no TTL that a put-back could lose).
const POP_IF = `local h = redis.call('lpop', KEYS[1])
local popped = h and cjson.decode(h).id == ARGV[1]
if h and not popped then redis.call('lpush', KEYS[1], h) end`;

/**
 * The ack. KEYS: outbox, lock, intents. ARGV: item id, fence ('' = none), '1' to release the lock
 * once no reply is left, the notification channel. The head is removed only if it is the item. The
 * answer is SETTLE's (0 replies left, 1 intents left, 2 nothing pending), plus 3 when the lock was
 * released; -1: fenced.
 */
export const ACK_HEAD = `if ARGV[2] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[2] then return -1 end
${POP_IF}
local left = 2
if redis.call('llen', KEYS[1]) > 0 then left = 0 elseif redis.call('llen', KEYS[3]) > 0 then left = 1 end
if left > 0 and ARGV[2] ~= '' and ARGV[3] == '1' then
  redis.call('del', KEYS[2])
  redis.call('publish', ARGV[4], KEYS[2])
  return left + 3
end
return left`;

/**
 * The ack of one reply and the in-flight mark of the next, in one write (a drain between two sends).
 * KEYS: outbox, lock, intents. ARGV: item id, fence, the next item's id, the next item marked, the
 * lease life to renew, the notification channel. As ACK_HEAD with release; 6: the next item was the
 * head and is marked, the lease renewed as UPDATE_HEAD renews it; -1: fenced.
 */
export const ACK_AND_MARK = `if redis.call('get', KEYS[2]) ~= ARGV[2] then return -1 end
${POP_IF}
if popped then h = redis.call('lindex', KEYS[1], 0) end
if h then
  if cjson.decode(h).id ~= ARGV[3] then return 0 end
  redis.call('lset', KEYS[1], 0, ARGV[4])
  redis.call('pexpire', KEYS[2], ARGV[5])
  return 6
end
local left = 2
if redis.call('llen', KEYS[3]) > 0 then left = 1 end
redis.call('del', KEYS[2])
redis.call('publish', ARGV[6], KEYS[2])
return left + 3`;

/** An ack script's answer: what is left (as SETTLE says it), whether the lock was released, and whether the next reply was marked. */
export function ackAnswer(result: unknown): { fenced: true } | { fenced: false; left: 0 | 1 | 2; released: boolean; marked?: true } {
  const n = Number(result);
  if (n === -1) return { fenced: true };
  if (n === 6) return { fenced: false, left: 0, released: false, marked: true };
  return { fenced: false, left: (n % 3) as 0 | 1 | 2, released: n >= 3 };
}
