"""Django's cache in Redis (settings.CACHES when REDIS_URL is set), shared by every instance of the application.

Redis holds copies and counters, never the only record: Wagtail's site root paths and renditions, the sessions in front
of their table (`cached_db`), allauth's rate-limit counts. When Redis does not answer, a read is a miss and a write is
dropped (logged), so pages keep being served from the database.

Except add(): it takes locks, and the rate limiter (allauth's, and portal.ratelimits through it) counts every log-in
attempt and sign-up under one, as does the check that a two-factor code is used once. add() raises, and the request
gets the 503 page (portal.views.server_error): an attempt that cannot be counted is refused, never let through
uncounted. Requests succeed again as soon as Redis answers: every call opens a connection as needed.
"""

import logging

from django.core.cache.backends import redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _unavailable(operation, error):
    logger.warning("Redis did not answer (%s: %s); going on without the cache", operation, error)


class RedisCache(redis.RedisCache):
    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            _unavailable("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            _unavailable("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            _unavailable("has_key", error)
            return False

    def set(self, key, value, timeout=redis.DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as error:
            _unavailable("set", error)

    def set_many(self, data, timeout=redis.DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            _unavailable("set_many", error)
            return list(data)

    def touch(self, key, timeout=redis.DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            _unavailable("touch", error)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            _unavailable("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError as error:
            _unavailable("delete_many", error)
