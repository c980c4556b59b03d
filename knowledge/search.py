"""Full-text search over the library.

PostgreSQL: each product carries a weighted ``tsvector`` (title A; topics and summary B; body C)
built with the ``simple`` configuration over unaccented text, indexed by GIN (see the
migrations), so "seguranca" finds "segurança" in any of the Alliance's four languages; results
are ranked with ``ts_rank``. Other databases (SQLite in the embedded default): a plain
case-insensitive match of every word on the same fields, ranked title first.
"""

from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    TextField,
    Value,
    When,
)

from .models import Topic

SEARCH_CONFIG = "simple"


def unaccent(expression):
    return Func(expression, function="unaccent", output_field=TextField())


def _uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_filter(queryset, text: str):
    """Products matching ``text``, annotated with ``search_rank`` (higher is better)."""
    text = " ".join(text.split())
    if not text:
        return queryset
    if _uses_postgres():
        from django.contrib.postgres.search import SearchQuery, SearchRank

        query = SearchQuery(unaccent(Value(text)), config=SEARCH_CONFIG, search_type="websearch")
        return queryset.filter(search_document=query).annotate(
            search_rank=SearchRank(F("search_document"), query)
        )
    # Every word must appear somewhere (title, summary, body or a topic); a title that holds
    # the whole text ranks first, then summary or topic matches, then the rest.
    for word in text.split()[:10]:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(body__icontains=word)
            | Exists(Topic.objects.filter(products=OuterRef("pk"), name__icontains=word))
        )
    topic_match = Exists(Topic.objects.filter(products=OuterRef("pk"), name__icontains=text))
    return queryset.annotate(
        search_rank=Case(
            When(title__icontains=text, then=Value(3)),
            When(Q(summary__icontains=text) | topic_match, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )
