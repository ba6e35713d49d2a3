/**
 * The Redis driver's atomic steps, one Lua script each: Redis runs a script without interleaving
 * any other command, so two app instances can never both pass a check before either writes.
 * Absolute times are computed by the caller and passed as strings (Lua numbers are doubles).
 */

const keepAtLeast = `
local function keepAtLeast(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end`;

/**
 * KEYS: phone state (hash), phone sends (zset), IP sends (zset).
 * ARGV: scene, reservation id, now, reserved until, reservation ms,
 *       number cap max (0: none), number window start, number window ms,
 *       IP cap max (0: none), IP window start, IP window ms.
 */
export const reserveSendScript = `${keepAtLeast}
local state, phoneSent, ipSent = KEYS[1], KEYS[2], KEYS[3]
local scene, id, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local numberMax, ipMax = tonumber(ARGV[6]), tonumber(ARGV[9])

local reservedUntil = tonumber(redis.call('HGET', state, 'reservedUntil') or '0')
if reservedUntil > now then return {'in-progress', reservedUntil - now} end
local cooldownUntil = tonumber(redis.call('HGET', state, 'cooldown:' .. scene) or '0')
if cooldownUntil > now then return {'cooldown', cooldownUntil - now} end

local function waitForRoom(key, max, windowStart, windowMs)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', windowStart)
  if redis.call('ZCARD', key) < max then return nil end
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + windowMs - now
end
if numberMax > 0 then
  local wait = waitForRoom(phoneSent, numberMax, ARGV[7], tonumber(ARGV[8]))
  if wait then return {'number-cap', wait} end
end
if ipMax > 0 then
  local wait = waitForRoom(ipSent, ipMax, ARGV[10], tonumber(ARGV[11]))
  if wait then return {'ip-cap', wait} end
  -- In-flight sends to other numbers count against the IP until released.
  redis.call('ZADD', ipSent, ARGV[3], id)
  keepAtLeast(ipSent, tonumber(ARGV[11]))
end

redis.call('HSET', state, 'reservation', id, 'reservedUntil', ARGV[4])
keepAtLeast(state, tonumber(ARGV[5]))
return {'ok', 0}`;

/**
 * KEYS: phone state, phone sends, IP sends, code (hash).
 * ARGV: scene, reservation id, now, cooldown until, cooldown ms, number window ms (0: no cap),
 *       IP window ms (0: no cap), code hash, expires at, allowed attempts, keep ms.
 */
export const confirmSendScript = `${keepAtLeast}
local state, phoneSent, ipSent, code = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local scene, id, now = ARGV[1], ARGV[2], ARGV[3]
local cooldownMs, numberWindowMs, ipWindowMs = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])

if redis.call('HGET', state, 'reservation') == id then
  redis.call('HDEL', state, 'reservation', 'reservedUntil')
end
if cooldownMs > 0 then
  redis.call('HSET', state, 'cooldown:' .. scene, ARGV[4])
  keepAtLeast(state, cooldownMs)
end
if numberWindowMs > 0 then
  redis.call('ZADD', phoneSent, now, id)
  keepAtLeast(phoneSent, numberWindowMs)
end
if ipWindowMs > 0 then
  redis.call('ZADD', ipSent, now, id)
  keepAtLeast(ipSent, ipWindowMs)
end
redis.call('DEL', code)
redis.call('HSET', code, 'id', id, 'hash', ARGV[8], 'expiresAt', ARGV[9], 'attempts', 0, 'allowed', ARGV[10])
redis.call('PEXPIRE', code, ARGV[11])
return 1`;

/** KEYS: phone state, IP sends. ARGV: reservation id. */
export const releaseSendScript = `
if redis.call('HGET', KEYS[1], 'reservation') == ARGV[1] then
  redis.call('HDEL', KEYS[1], 'reservation', 'reservedUntil')
end
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`;

/** KEYS: code. ARGV: now. */
export const takeAttemptScript = `
local f = redis.call('HMGET', KEYS[1], 'id', 'hash', 'expiresAt', 'attempts', 'allowed')
if not f[1] then return {'not-found'} end
if tonumber(ARGV[1]) >= tonumber(f[3]) then return {'expired'} end
local attempts, allowed = tonumber(f[4]), tonumber(f[5])
if attempts >= allowed then return {'exhausted'} end
redis.call('HINCRBY', KEYS[1], 'attempts', 1)
return {'ok', f[1], f[2], allowed - attempts - 1}`;

/** KEYS: code. ARGV: code id. */
export const consumeCodeScript = `
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

/** KEYS: owner of the number, numbers of the user. ARGV: user id, number. */
export const bindPhoneScript = `
local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then return 'already-yours' end
if owner then return 'taken' end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
return 'bound'`;

/** KEYS: owner of the number, numbers of the user. ARGV: user id, number. */
export const unbindPhoneScript = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
return 1`;
