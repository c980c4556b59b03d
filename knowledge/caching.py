"""The library's cache generation: cached facet counts carry it in their keys, and every write
through the services moves it on, so nothing stale is served after a change."""

from django.core.cache import cache

from alliance.page_cache import generation_move

_GENERATION_KEY = "knowledge:library-generation"
_PAGES_KEY = "knowledge:pages-generation"


def library_generation() -> int:
    return cache.get_or_set(_GENERATION_KEY, 1, timeout=None)


def library_changed() -> None:
    """Invalidate every cached facet count and every cached library page (the services call it
    once their transaction commits)."""
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 1, timeout=None)
    generation_move(_PAGES_KEY)


def _product_key(slug: str) -> str:
    return f"knowledge:product-generation:{slug}"


def library_page_keys(request, **kwargs) -> list[str]:
    """What the anonymous copy of a library page depends on (see alliance/page_cache.py): the
    whole library, and for a product's page its own download counts too."""
    if "slug" in kwargs:
        return [_PAGES_KEY, _product_key(kwargs["slug"])]
    return [_PAGES_KEY]


def product_downloaded(slug: str) -> None:
    """A download changes the counts on the product's page, and nothing else."""
    generation_move(_product_key(slug))
