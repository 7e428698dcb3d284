-- The tier's writes, each one atomic. KEYS[1..4] are one tenant's bookkeeping: its entries by expiry (a sorted set,
-- ms since the epoch on the server's clock, +inf for none), their value sizes (a hash), its byte total, and the set
-- of all tenants; any further KEYS are entries of that tenant. ARGV[1] names the operation.
local expiries, sizes, total, tenants = KEYS[1], KEYS[2], KEYS[3], KEYS[4]

local function now()
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

-- Takes an entry out of the bookkeeping; the entry itself is left alone.
local function forget(entry)
  local size = redis.call('HGET', sizes, entry)
  if size then
    redis.call('HDEL', sizes, entry)
    redis.call('DECRBY', total, size)
  end
  redis.call('ZREM', expiries, entry)
end

-- Gives the bytes of up to `limit` entries that Redis has expired back to the quota; returns how many.
local function forgetExpired(limit)
  local expired = redis.call('ZRANGE', expiries, '-inf', now(), 'BYSCORE', 'LIMIT', 0, limit)
  for _, entry in ipairs(expired) do
    forget(entry)
  end
  return #expired
end

-- A tenant with no entries left leaves no bookkeeping behind.
local function leaveIfEmpty(tenant)
  if redis.call('ZCARD', expiries) == 0 then
    redis.call('DEL', sizes, total)
    redis.call('SREM', tenants, tenant)
  end
end

local operation = ARGV[1]

if operation == 'store' then
  -- KEYS[5] the entry; ARGV[2..5] the value, its time to live in ms (0: none), the tenant's quota, the tenant.
  -- Returns how many entries went to make room.
  local entry, value, ttl, quota = KEYS[5], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
  forgetExpired(100)
  forget(entry)
  if ttl > 0 then
    redis.call('SET', entry, value, 'PX', ttl)
    redis.call('ZADD', expiries, now() + ttl, entry)
  else
    redis.call('SET', entry, value)
    redis.call('ZADD', expiries, '+inf', entry)
  end
  redis.call('HSET', sizes, entry, #value)
  redis.call('SADD', tenants, ARGV[5])
  local used = redis.call('INCRBY', total, #value)
  -- Over quota, the tenant's entries closest to expiry go first (with one time to live for all: the oldest). They
  -- are not declared in KEYS, which one Redis server allows and a cluster would not.
  local evicted = 0
  while used > quota do
    local victim
    for _, candidate in ipairs(redis.call('ZRANGE', expiries, 0, 1)) do
      if candidate ~= entry then
        victim = candidate
        break
      end
    end
    if not victim then
      break
    end
    evicted = evicted + redis.call('UNLINK', victim)
    forget(victim)
    used = tonumber(redis.call('GET', total))
  end
  return evicted
elseif operation == 'remove' then
  -- KEYS[5..] the entries to remove, ARGV[2] the tenant. Returns how many of them existed.
  local removed = 0
  for i = 5, #KEYS do
    removed = removed + redis.call('UNLINK', KEYS[i])
    forget(KEYS[i])
  end
  leaveIfEmpty(ARGV[2])
  return removed
elseif operation == 'purge' then
  -- ARGV[2] the tenant, ARGV[3] the batch size. Returns how many expired entries were forgotten.
  local forgotten = forgetExpired(tonumber(ARGV[3]))
  leaveIfEmpty(ARGV[2])
  return forgotten
end
return redis.error_reply('unknown tier operation ' .. tostring(operation))
