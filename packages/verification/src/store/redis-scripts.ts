/**
 * The Redis driver's atomic steps, one Lua script each: Redis runs a script without interleaving
 * any other command, so two app instances can never both pass a check before either writes.
 * Absolute times are computed by the caller and passed as strings (Lua numbers are doubles).
 *
 * Counters are sorted sets of entry ids scored by time. A script given counters takes their keys
 * after its fixed keys, and four arguments each after its fixed arguments: name, max, window
 * start (entries at or before it are gone), window ms.
 */

const keepAtLeast = `
local function keepAtLeast(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end`;

const counters = `${keepAtLeast}
local function eachCounter(firstKey, firstArg, visit)
  local index = 0
  while ARGV[firstArg + index * 4] do
    local at = firstArg + index * 4
    local result = visit(KEYS[firstKey + index], ARGV[at], tonumber(ARGV[at + 1]), ARGV[at + 2], tonumber(ARGV[at + 3]))
    if result then return result end
    index = index + 1
  end
end
-- The first counter without room: its name and the ms until its oldest entry leaves.
local function firstFull(firstKey, firstArg, now)
  return eachCounter(firstKey, firstArg, function(key, name, max, windowStart, windowMs)
    redis.call('ZREMRANGEBYSCORE', key, '-inf', windowStart)
    if redis.call('ZCARD', key) >= max then
      local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
      return {name, tonumber(oldest[2]) + windowMs - now}
    end
  end)
end
local function countIn(firstKey, firstArg, id, now)
  eachCounter(firstKey, firstArg, function(key, name, max, windowStart, windowMs)
    redis.call('ZADD', key, now, id)
    keepAtLeast(key, windowMs)
  end)
end
local function uncountIn(firstKey, id)
  for index = firstKey, #KEYS do redis.call('ZREM', KEYS[index], id) end
end`;

/**
 * KEYS: phone state (hash), counters…
 * ARGV: scene, reservation id, now, reserved until, reservation ms, counters…
 */
export const reserveSendScript = `${counters}
local state = KEYS[1]
local scene, id, now = ARGV[1], ARGV[2], tonumber(ARGV[3])

local reservedUntil = tonumber(redis.call('HGET', state, 'reservedUntil') or '0')
if reservedUntil > now then return {'in-progress', reservedUntil - now} end
local cooldownUntil = tonumber(redis.call('HGET', state, 'cooldown:' .. scene) or '0')
if cooldownUntil > now then return {'cooldown', cooldownUntil - now} end

local full = firstFull(2, 6, now)
if full then return {'counter', full[2], full[1]} end
countIn(2, 6, id, ARGV[3])
redis.call('HSET', state, 'reservation', id, 'reservedUntil', ARGV[4])
keepAtLeast(state, tonumber(ARGV[5]))
return {'ok', 0}`;

/**
 * KEYS: phone state, code (hash).
 * ARGV: scene, reservation id, cooldown until, cooldown ms, code hash, subject key ('' for none),
 *       expires at, allowed attempts, keep ms.
 */
export const confirmSendScript = `${keepAtLeast}
local state, code = KEYS[1], KEYS[2]
local scene, id, cooldownMs = ARGV[1], ARGV[2], tonumber(ARGV[4])

if redis.call('HGET', state, 'reservation') == id then
  redis.call('HDEL', state, 'reservation', 'reservedUntil')
end
if cooldownMs > 0 then
  redis.call('HSET', state, 'cooldown:' .. scene, ARGV[3])
  keepAtLeast(state, cooldownMs)
end
redis.call('DEL', code)
redis.call('HSET', code, 'id', id, 'hash', ARGV[5], 'subject', ARGV[6], 'expiresAt', ARGV[7], 'attempts', 0, 'allowed', ARGV[8])
redis.call('PEXPIRE', code, ARGV[9])
return 1`;

/**
 * KEYS: phone state, code, counters… ARGV: reservation id, scene.
 * Undoes the send if it is still reserved, or if its confirmation landed after its caller gave up.
 */
export const releaseSendScript = `${counters}
local state, code, id = KEYS[1], KEYS[2], ARGV[1]
local held = redis.call('HGET', state, 'reservation') == id
local confirmed = redis.call('HGET', code, 'id') == id
if not held and not confirmed then return 0 end
if held then redis.call('HDEL', state, 'reservation', 'reservedUntil') end
if confirmed then
  redis.call('DEL', code)
  redis.call('HDEL', state, 'cooldown:' .. ARGV[2])
end
uncountIn(3, id)
return 1`;

/**
 * KEYS: code, guess counters…
 * ARGV: now, attempt id, subject key ('' for none), counters…
 */
export const takeAttemptScript = `${counters}
local now = tonumber(ARGV[1])
local f = redis.call('HMGET', KEYS[1], 'id', 'hash', 'expiresAt', 'attempts', 'allowed', 'subject')
if not f[1] then return {'not-found'} end
if f[6] and f[6] ~= '' and f[6] ~= ARGV[3] then return {'other-subject'} end
if now >= tonumber(f[3]) then return {'expired'} end
local attempts, allowed = tonumber(f[4]), tonumber(f[5])
if attempts >= allowed then return {'exhausted'} end

local full = firstFull(2, 4, now)
if full then return {'counter-full', full[2], full[1]} end
local left = allowed - attempts - 1
eachCounter(2, 4, function(key, name, max)
  left = math.min(left, max - redis.call('ZCARD', key) - 1)
end)
countIn(2, 4, ARGV[2], ARGV[1])
redis.call('HINCRBY', KEYS[1], 'attempts', 1)
return {'ok', f[1], f[2], left}`;

/** KEYS: code, guess counters… ARGV: code id, attempt id. */
export const consumeCodeScript = `${counters}
uncountIn(2, ARGV[2])
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

/** KEYS: owner of the number, numbers of the user. ARGV: user id, number, keep last ('1'/'0'). */
export const unbindPhoneScript = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 'not-bound' end
if ARGV[3] == '1' and redis.call('SCARD', KEYS[2]) <= 1 then return 'last' end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
return 'unbound'`;
