-- Takes `cost` tokens from every bucket in KEYS at once, or from none of them.
-- ARGV: cost, then capacity and period (ms) of each bucket in KEYS order.
-- Returns: allowed (1/0), then per bucket: tokens left, ms until `cost` tokens are
-- available again (0 when allowed), ms until the bucket is full again.
-- Time comes from the Redis server so that every gateway replica shares one clock.
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local cost = tonumber(ARGV[1])
local tokens = {}
local allowed = 1
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[i * 2])
  local period = tonumber(ARGV[i * 2 + 1])
  local state = redis.call('HMGET', KEYS[i], 'tokens', 'at')
  local left = tonumber(state[1])
  local at = tonumber(state[2])
  if left == nil or at == nil then
    left = capacity
  else
    left = math.min(capacity, left + math.max(0, now - at) * capacity / period)
  end
  tokens[i] = left
  if left < cost then
    allowed = 0
  end
end
local result = { allowed }
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[i * 2])
  local period = tonumber(ARGV[i * 2 + 1])
  local left = tokens[i]
  local wait = 0
  if allowed == 1 then
    left = left - cost
    redis.call('HSET', KEYS[i], 'tokens', tostring(left), 'at', tostring(now))
    -- a bucket untouched for a full period is full again: nothing worth keeping
    redis.call('PEXPIRE', KEYS[i], period)
  elseif left < cost then
    wait = math.ceil((cost - left) * period / capacity)
  end
  table.insert(result, math.floor(left))
  table.insert(result, wait)
  table.insert(result, math.ceil((capacity - left) * period / capacity))
end
return result
