import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Facet counts are cached; products made by factories bypass the services that invalidate
    them, so each test starts with an empty cache."""
    cache.clear()
    yield
    cache.clear()
