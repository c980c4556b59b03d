"""Which download requests count, and for whom: a download counts once per visitor, file and day.

A visitor is a keyed hash (HMAC with the ``SECRET_KEY``) of the client address, the User-Agent
and the day (UTC): no cookie is set and no address is stored, and tomorrow's hash of the same
person is unrelated to today's. The client address is the one allauth's login rate limits use
(its trusted proxy settings). Not counted: known bots, crawlers and scripts (the maintained
pattern list of the ``crawler-user-agents`` package), requests without a User-Agent, and range
requests that do not start at the first byte (a download being resumed, counted when it began).
"""

import re

import crawleruseragents
from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import FileVersion

_RANGE_START = re.compile(r"\s*bytes\s*=\s*(\d*)\s*-", re.IGNORECASE)
_MAX_AGENT = 512
WINDOW_SECONDS = 24 * 60 * 60  # a visitor's hash changes with the day anyway


def is_range_continuation(header: str | None) -> bool:
    """``Range: bytes=500-`` or ``bytes=-500`` continues a download; ``bytes=0-...`` starts one.
    A Range header that is not a byte range is ignored, as HTTP says."""
    if not header or not (found := _RANGE_START.match(header)):
        return False
    start = found.group(1)
    return start == "" or int(start) != 0


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or crawleruseragents.is_crawler(user_agent)


def _client_address(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        return ""


def counted_visitor(request) -> str | None:
    """The visitor to count this download request for, or None when it does not count."""
    user_agent = request.headers.get("User-Agent", "")[:_MAX_AGENT]
    if is_bot(user_agent) or is_range_continuation(request.headers.get("Range")):
        return None
    day = timezone.now().date().isoformat()
    value = f"{_client_address(request)}\n{user_agent}\n{day}"
    return salted_hmac("knowledge.download-visitor", value, algorithm="sha256").hexdigest()[:32]


def download_count(*, version_id: int, visitor: str | None) -> bool:
    """One more download of the file, unless it does not count (``visitor`` is None) or this
    visitor was counted for it today: the first request claims the visitor's key in the shared
    cache (an atomic add), then one conditional UPDATE counts it. Returns whether it counted."""
    if visitor is None:
        return False
    if not cache.add(f"knowledge:downloaded:{version_id}:{visitor}", 1, timeout=WINDOW_SECONDS):
        return False
    FileVersion.objects.filter(pk=version_id).update(download_count=F("download_count") + 1)
    return True
