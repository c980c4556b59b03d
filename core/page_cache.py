"""Whole-page caching of public pages for anonymous visitors, with conditional GET.

A visitor without a session cookie gets the page from the shared cache (the ``pages`` alias,
Redis in production, bounded to ``PAGE_CACHE_MAX_ENTRIES``), keyed by the path, the query
parameters the page declares, the active language and the cache generations the page depends
on, which the owning app's services move on with every change (the library's are in
``knowledge.caching``): a published or edited product is visible on the next request.
Signed-in people (and anyone with a session, who may have messages waiting) always get a freshly
rendered page.

Only the declared parameters reach the view, in a fixed order: anything else in the query string
(``?utm_source=…``, junk) changes neither the page nor its key, so it cannot fill the cache.

When the cache does not answer (a Redis outage: its counters read as missing), the page is
rendered for each request and nothing is stored.

Each worker also keeps its last pages in memory (``_LocalCopies``), checked against the same
counters on every request: a hit is one small read from the cache.

The CSRF token of the language switcher is not cached: it is replaced by a placeholder when the
page is stored and by the visitor's own token when it is served. Every cached page carries a weak
``ETag`` and a ``Last-Modified`` (when it was rendered), so a browser that has it already gets
304 Not Modified."""

import hashlib
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

_CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_PLACEHOLDER = b"@@csrf-token@@"
# The cache alias of the copies, their counters and the library's facet counts.
PAGES = "pages"
# Every page depends on it: moving it on (or clearing the cache) drops every copy.
ALL_PAGES_KEY = "page-cache:generation"
_KEPT_HEADERS = ("Content-Type", "Content-Disposition", "X-Robots-Tag")


def page_cache():
    return caches[PAGES]


def generations(keys: list[str]) -> list[int | None]:
    """The current values of these generation counters, in one round trip to the cache. A
    counter that is missing (never moved, or evicted) starts at the current time, so it never
    matches a value an older page was stored under. ``None`` when the cache does not answer."""
    cache = page_cache()
    values = cache.get_many(keys) if keys else {}
    for key in keys:
        if key not in values:
            cache.add(key, time.time_ns(), timeout=None)
            values[key] = cache.get(key)
    return [values[key] for key in keys]


def generation_move(key: str) -> None:
    """Move a generation counter on: every page stored under the old value is ignored."""
    cache = page_cache()
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, time.time_ns(), timeout=None)


def _keep_only(request, names: frozenset[str]) -> None:
    """Leave the view only the declared query parameters (in the order given): the page is then
    the same whatever else the URL carries."""
    if not request.META.get("QUERY_STRING"):
        return
    kept = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name in names:
            kept.setlist(name, values)
    query_string = kept.urlencode()
    request.GET = QueryDict(query_string, encoding=request.encoding)
    request.META["QUERY_STRING"] = query_string


def _key(request, values: list[int]) -> str:
    """The path, the declared parameters sorted by name (``?a=1&b=2`` and ``?b=2&a=1`` are one
    page), the language and the generation counters."""
    parts = [
        request.path,
        repr(sorted(request.GET.lists())),
        translation.get_language() or "",
        *(str(value) for value in values),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    return f"page:{digest}"


class _LocalCopies:
    """Each worker keeps the pages it served last in memory, so a hit costs one small read of
    the generation counters instead of fetching the whole page from the shared cache. A copy is
    used only under the same counters (so never after a change) and until it expires."""

    def __init__(self, size: int = 256):
        self.size = size
        self.entries: OrderedDict[str, dict] = OrderedDict()
        self.lock = threading.Lock()  # threaded servers (runserver, gthread workers)

    def get(self, key: str) -> dict | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry["expires"] < time.time():
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


_local = _LocalCopies()


def _cacheable(request) -> bool:
    return request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES


def _store(response: HttpResponse, seconds: int) -> dict:
    content = _CSRF_FIELD.sub(rb"\1" + _PLACEHOLDER + rb"\2", response.content)
    return {
        "expires": time.time() + seconds,
        "content": content,
        "headers": {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)},
        "etag": f'W/"{hashlib.sha256(content).hexdigest()[:32]}"',
        "modified": time.time(),
    }


def _serve(request, entry: dict) -> HttpResponse:
    content = entry["content"]
    if _PLACEHOLDER in content:
        content = content.replace(_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in entry["headers"].items():
        response[name] = value
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    return (
        get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=int(entry["modified"]),
            response=response,
        )
        or response
    )


def cache_public_page(
    *,
    timeout: Callable[[], int],
    generation_keys: Callable[..., list[str]] | None = None,
    params: Iterable[str] = (),
):
    """Serve the view's successful answers to anonymous visitors from the cache for
    ``timeout()`` seconds, or until one of the generation counters named by
    ``generation_keys(request, **view_kwargs)`` moves on (see ``generation_move``). ``params``
    are the query parameters the view reads; the others never reach it (``_keep_only``)."""
    declared = frozenset(params)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            _keep_only(request, declared)
            if not _cacheable(request):
                return view(request, *args, **kwargs)
            keys = [ALL_PAGES_KEY, *(generation_keys(request, **kwargs) if generation_keys else [])]
            values = generations(keys)
            if None in values:  # the cache does not answer: render, store nothing
                return view(request, *args, **kwargs)
            key = _key(request, values)
            entry = _local.get(key)
            if entry is None:
                entry = page_cache().get(key)
                if entry is None:
                    response = view(request, *args, **kwargs)
                    if response.status_code != 200 or response.streaming or response.cookies:
                        return response
                    entry = _store(response, timeout())
                    page_cache().set(key, entry, timeout())
                _local.put(key, entry)
            return _serve(request, entry)

        return wrapper

    return decorator


def public_page_seconds() -> int:
    return settings.PUBLIC_PAGE_CACHE_SECONDS


def home_page_seconds() -> int:
    return settings.HOME_PAGE_CACHE_SECONDS
