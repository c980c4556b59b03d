"""The library's cache generation: cached facet counts carry it in their keys, and every write
through the services moves it on, so nothing stale is served after a change."""

from django.core.cache import cache

_GENERATION_KEY = "knowledge:library-generation"


def library_generation() -> int:
    return cache.get_or_set(_GENERATION_KEY, 1, timeout=None)


def library_changed() -> None:
    """Invalidate every cached facet count (the services call it once their transaction commits)."""
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 1, timeout=None)
