"""The portal's Redis cache: Django's ``RedisCache`` that survives Redis going away, and that can
hold a bounded number of entries.

**Outage.** A connection error or a timeout (``OUTAGE_ERRORS``) never reaches the page. The
operation is answered by a stand-in, chosen per alias with ``OPTIONS["STAND_IN"]``:

- ``"memory"`` (the ``default`` alias): a memory cache of the process, so that login rate limits
  and used second-factor codes keep counting, per process, while Redis is away;
- ``"none"`` (the ``pages`` alias): nothing at all, every read a miss and every write dropped,
  so that public pages are rendered from the database instead of from copies that another
  process could not invalidate.

After a failure Redis is left alone for ``OPTIONS["RETRY_SECONDS"]`` (5): the stand-in answers at
once, so a page does not wait for a dead server on every cache call. The outage is logged when it
starts, then at most once a minute while it lasts (with the number of calls the stand-in
answered), and when Redis answers again. Keep the socket timeouts short (``socket_connect_timeout``
and ``socket_timeout`` in ``OPTIONS``) so that an unreachable host costs little too.

**Bound.** With ``OPTIONS["MAX_ENTRIES"]`` the alias keeps at most that many entries that expire:
an index (a sorted set, by expiry) counts them, and the ones closest to expiry make room for new
ones. Entries that never expire (generation counters) are not counted.

``clear()`` removes this alias's keys only (by its ``KEY_PREFIX``), never the whole Redis
database, which may also hold the Celery queue or another alias."""

import logging
import re
import threading
import time
from functools import partial
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import exceptions

logger = logging.getLogger(__name__)

# Redis is unreachable, or cannot take writes (a read-only replica after a failover, full memory).
OUTAGE_ERRORS = (
    exceptions.ConnectionError,
    exceptions.TimeoutError,
    exceptions.ReadOnlyError,
    exceptions.OutOfMemoryError,
)
LOG_INTERVAL_SECONDS = 60
_STAND_INS = {"memory", "none"}


class _Health:
    """Whether one Redis answered lately, shared by every thread of the process (Django gives each
    thread its own backend object)."""

    def __init__(self, where: str):
        self.where = where
        self.lock = threading.Lock()
        self.down_since: float | None = None
        self.retry_at = 0.0
        self.logged_at = 0.0
        self.answered_by_stand_in = 0

    def resting(self) -> bool:
        """Down, and not yet time to try again: the stand-in answers without asking Redis."""
        with self.lock:
            if self.down_since is None or time.monotonic() >= self.retry_at:
                return False
            self.answered_by_stand_in += 1
            self._log_still_down()
            return True

    def failed(self, error: Exception, retry_seconds: float) -> None:
        now = time.monotonic()
        with self.lock:
            self.retry_at = now + retry_seconds
            self.answered_by_stand_in += 1
            if self.down_since is None:
                self.down_since = now
                self.logged_at = now
                self.answered_by_stand_in = 0
                logger.error(
                    "cache %s is unreachable (%s: %s): pages are served without it until it "
                    "answers",
                    self.where,
                    type(error).__name__,
                    error,
                )
            else:
                self._log_still_down()

    def answered(self) -> None:
        if self.down_since is None:  # the usual case, without taking the lock
            return
        with self.lock:
            if self.down_since is None:
                return
            logger.warning(
                "cache %s answers again after %.0f s down",
                self.where,
                time.monotonic() - self.down_since,
            )
            self.down_since = None

    def _log_still_down(self) -> None:
        now = time.monotonic()
        if now - self.logged_at < LOG_INTERVAL_SECONDS:
            return
        logger.error(
            "cache %s still unreachable after %.0f s (%d calls answered without it since the "
            "last message)",
            self.where,
            now - self.down_since,
            self.answered_by_stand_in,
        )
        self.logged_at = now
        self.answered_by_stand_in = 0


_HEALTH: dict[str, _Health] = {}
_HEALTH_LOCK = threading.Lock()


def _health_of(servers: list[str]) -> _Health:
    # Named without any password, for the log.
    where = ",".join(
        f"{parts.hostname}:{parts.port or 6379}{parts.path}"
        for parts in (urlsplit(server) for server in servers)
    )
    with _HEALTH_LOCK:
        return _HEALTH.setdefault(where, _Health(where))


class _BoundedClient(RedisCacheClient):
    """Django's Redis client, counting the entries that expire when ``max_entries`` is set, and
    clearing only the keys under ``key_prefix``."""

    def __init__(self, servers, *, key_prefix: str, max_entries: int | None, **options):
        super().__init__(servers, **options)
        escaped = re.sub(r"([*?\[\]\\])", r"\\\1", key_prefix)
        self._own_keys = f"{escaped}:*"
        self._index = f"{key_prefix}:entries"
        self._max_entries = max_entries

    def add(self, key, value, timeout):
        added = super().add(key, value, timeout)
        if added:
            self._count([key], timeout)
        return added

    def set(self, key, value, timeout):
        super().set(key, value, timeout)
        self._count([key], timeout)

    def set_many(self, data, timeout):
        super().set_many(data, timeout)
        self._count(list(data), timeout)

    def delete(self, key):
        if self._max_entries:
            self.get_client(key, write=True).zrem(self._index, key)
        return super().delete(key)

    def delete_many(self, keys):
        if self._max_entries:
            self.get_client(None, write=True).zrem(self._index, *keys)
        super().delete_many(keys)

    def clear(self):
        client = self.get_client(None, write=True)
        batch = []
        for key in client.scan_iter(match=self._own_keys, count=1000):
            batch.append(key)
            if len(batch) == 1000:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        client.delete(self._index)
        return True

    def _count(self, keys, timeout) -> None:
        """Index the entries just written by expiry; drop the ones closest to it when there are
        more than ``max_entries``."""
        if not self._max_entries or not timeout or not keys:
            return
        client = self.get_client(None, write=True)
        now = time.time()
        pipeline = client.pipeline(transaction=False)
        pipeline.zadd(self._index, dict.fromkeys(keys, now + timeout))
        pipeline.zremrangebyscore(self._index, "-inf", now)
        pipeline.zcard(self._index)
        *_, size = pipeline.execute()
        if size > self._max_entries:
            dropped = client.zpopmin(self._index, size - self._max_entries)
            if dropped:
                client.delete(*(key for key, _expiry in dropped))


class FailSoftRedisCache(RedisCache):
    """See the module's description. Extra ``OPTIONS``: ``STAND_IN`` (``"memory"`` or
    ``"none"``), ``RETRY_SECONDS``, and ``MAX_ENTRIES`` (a bound, only when given)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        options = dict(params.get("OPTIONS", {}))
        stand_in = options.pop("STAND_IN", "memory")
        if stand_in not in _STAND_INS:
            raise ValueError(f"STAND_IN must be one of {sorted(_STAND_INS)}, not {stand_in!r}")
        self._retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        bounded = "MAX_ENTRIES" in options
        options.pop("MAX_ENTRIES", None)
        options.pop("CULL_FREQUENCY", None)
        self._options = options
        self._class = partial(
            _BoundedClient,
            key_prefix=self.key_prefix,
            max_entries=self._max_entries if bounded else None,
        )
        self._health = _health_of(self._servers)
        stand_in_params = {
            "TIMEOUT": params.get("TIMEOUT", 300),
            "KEY_PREFIX": self.key_prefix,
            "VERSION": self.version,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
        if stand_in == "memory":
            self._stand_in = LocMemCache(f"stand-in:{self._health.where}", stand_in_params)
        else:
            self._stand_in = DummyCache(self._health.where, stand_in_params)

    def ping(self) -> None:
        """Ask Redis itself, past the stand-in: raises when it does not answer (``/healthz``)."""
        self._cache.get_client(None, write=True).ping()

    def _call(self, name: str, *args, **kwargs):
        if self._health.resting():
            return getattr(self._stand_in, name)(*args, **kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            self._health.failed(error, self._retry_seconds)
            return getattr(self._stand_in, name)(*args, **kwargs)
        self._health.answered()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version)

    def clear(self):
        return self._call("clear")
