"""Fixed-window counters in the cache, for limits: Redis in production, so every worker shares them."""

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.redis import RedisCache


def increment(keys: list[str], *, timeout: int) -> list[int]:
    """Add one to each counter (starting those missing, which expire after `timeout` seconds).

    With Redis, all of them in one round trip (a pipeline of INCR and EXPIRE NX): this runs on every
    signature. Django's own `cache.incr` would take three round trips per counter.
    """
    cache = caches["default"]  # the backend itself: `django.core.cache.cache` is a proxy to it
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        with client.pipeline(transaction=False) as pipeline:
            for key in keys:
                redis_key = cache.make_and_validate_key(key)
                pipeline.incr(redis_key)
                pipeline.expire(redis_key, timeout, nx=True)
            return pipeline.execute()[::2]
    return [_increment_in_django_cache(cache, key, timeout) for key in keys]


def _increment_in_django_cache(cache: BaseCache, key: str, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1
