"""The library's cache generation: cached facet counts carry it in their keys, and every write
through the services moves it on, so nothing stale is served after a change. It lives with the
copies of the pages (``core.page_cache.page_cache()``, bounded, and empty while the cache is
unreachable)."""

from collections.abc import Callable

from core.page_cache import generation_move, generations, page_cache

_GENERATION_KEY = "knowledge:library-generation"
_PAGES_KEY = "knowledge:pages-generation"


def library_cached[T](name: str, compute: Callable[[], T], *, seconds: int) -> T:
    """``compute()``, kept for ``seconds`` or until the library changes; computed every time
    while the cache does not answer."""
    generation = generations([_GENERATION_KEY])[0]
    if generation is None:
        return compute()
    cache = page_cache()
    key = f"knowledge:{generation}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def library_changed() -> None:
    """Invalidate every cached facet count and every cached library page (the services call it
    once their transaction commits)."""
    generation_move(_GENERATION_KEY)
    generation_move(_PAGES_KEY)


def _product_key(slug: str) -> str:
    return f"knowledge:product-generation:{slug}"


def library_page_keys(request, **kwargs) -> list[str]:
    """What the anonymous copy of a library page depends on (see core/page_cache.py): the
    whole library, and for a product's page its own download counts too."""
    if "slug" in kwargs:
        return [_PAGES_KEY, _product_key(kwargs["slug"])]
    return [_PAGES_KEY]


def product_downloaded(slug: str) -> None:
    """A download changes the counts on the product's page, and nothing else."""
    generation_move(_product_key(slug))
