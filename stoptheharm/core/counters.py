"""Fixed-window counters in the cache, for limits: Redis in production, so every worker shares them."""

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache


def increment(keys: list[str], *, timeout: int) -> list[int]:
    """Add one to each counter (starting those missing, which expire after `timeout` seconds).

    With Redis, all of them in one command (a script run by Redis): this runs on every signature.
    Django's own `cache.incr` would take three round trips per counter, and a pipeline of INCR and
    EXPIRE costs four commands' work in the client.
    """
    cache = caches["default"]  # the backend itself: `django.core.cache.cache` is a proxy to it
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        increment_all = client.register_script(INCREMENT)  # no round trip: Redis is sent its digest
        return increment_all(keys=[cache.make_and_validate_key(key) for key in keys], args=[timeout])
    return [_increment_in_django_cache(cache, key, timeout) for key in keys]


INCREMENT = """
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call("INCR", key)
  if counts[i] == 1 then redis.call("EXPIRE", key, ARGV[1]) end
end
return counts
"""


def _increment_in_django_cache(cache: BaseCache, key: str, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1
