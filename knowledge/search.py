"""Full-text search over the library.

PostgreSQL: each product carries a weighted ``tsvector`` (title A; topics and summary B; body C)
built with the ``simple`` configuration over unaccented text, indexed by GIN (see the
migrations), so "seguranca" finds "segurança" in any of the Alliance's four languages; results
are ranked with ``ts_rank``. Other databases (SQLite in the embedded default): every word must
appear in one of the same fields, case and accents aside, ranked title first.
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
from django.db.models.functions import Lower

from .apps import strip_accents
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
    # Every word must appear somewhere (title, summary, body or a topic), accents and case
    # aside (SQLite gets an unaccent() function from knowledge.apps); a title that holds the
    # whole text ranks first, then summary or topic matches, then the rest.
    queryset = queryset.alias(
        folded_title=_folded("title"),
        folded_summary=_folded("summary"),
        folded_body=_folded("body"),
    )
    for word in text.split()[:10]:
        word = fold(word)
        queryset = queryset.filter(
            Q(folded_title__contains=word)
            | Q(folded_summary__contains=word)
            | Q(folded_body__contains=word)
            | _topic_match(word)
        )
    whole = fold(text)
    return queryset.annotate(
        search_rank=Case(
            When(folded_title__contains=whole, then=Value(3)),
            When(Q(folded_summary__contains=whole) | _topic_match(whole), then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )


def fold(text: str) -> str:
    return strip_accents(text).lower()


def _folded(field: str):
    return Lower(unaccent(F(field)))


def _topic_match(word: str):
    topics = Topic.objects.alias(folded_name=_folded("name")).filter(
        products=OuterRef("pk"), folded_name__contains=word
    )
    return Exists(topics)
