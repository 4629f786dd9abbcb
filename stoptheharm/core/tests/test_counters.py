from django.core.cache import caches
from django.test import override_settings

from config import env
from stoptheharm.core import counters


def test_counters_start_at_one_and_count_separately():
    assert counters.increment(["a", "b"], timeout=60) == [1, 1]
    assert counters.increment(["a", "b"], timeout=60) == [2, 2]
    assert counters.increment(["a"], timeout=60) == [3]


def test_counters_in_redis_take_one_round_trip_and_expire(redis_url):
    with override_settings(CACHES=env.cache_config(redis_url)):
        cache = caches["default"]
        cache.delete_many(["stoptheharm-test:x", "stoptheharm-test:y"])
        client = cache._cache.get_client(write=True)
        assert client is cache._cache.get_client(write=True)  # one client per pool, not one per call
        assert counters.increment(["stoptheharm-test:x", "stoptheharm-test:y"], timeout=30) == [1, 1]
        scripts_run = _calls(client, "evalsha")
        assert counters.increment(["stoptheharm-test:x", "stoptheharm-test:y"], timeout=30) == [2, 2]
        assert _calls(client, "evalsha") == scripts_run + 1  # both counters in one command
        assert cache.get("stoptheharm-test:x") == 2  # readable through Django's cache too
        assert 0 < client.ttl(cache.make_key("stoptheharm-test:x")) <= 30  # the first expiry stands
        cache.delete_many(["stoptheharm-test:x", "stoptheharm-test:y"])


def _calls(client, command: str) -> int:
    return client.info("commandstats").get(f"cmdstat_{command}", {}).get("calls", 0)
