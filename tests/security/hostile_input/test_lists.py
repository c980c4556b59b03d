"""Hostile query strings on every list, search page and the JSON API."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from governance.models import Meeting
from knowledge.models import KnowledgeProduct
from tests.conftest import client_for

from .checks import check_answer, row_counts
from .strategies import FUZZ, HOSTILE, choice, dates, text

# Query strings: the parameters each list understands, with valid values.
# The lists, with who looks at them and the records that fill them.
LISTS = {
    "knowledge:library": ("bob", ("published",)),
    "knowledge:feed": (None, ("published",)),
    "knowledge:feed-atom": (None, ("published",)),
    "knowledge:api-product-list": (None, ("published",)),
    "knowledge:workspace": ("bob", ("product",)),
    "governance:meeting-list": ("bob", ("meeting",)),
    "members:country-list": ("alice", ()),
    "members:ministry-list": ("alice", ("ministry",)),
    "members:minister-list": ("alice", ("ministry",)),
    "members:appointment-list": ("alice", ()),
    "members:partner-list": ("alice", ("partner",)),
    "members:audit-log": ("alice", ("term",)),
    "notifications:notification-queue": ("alice", ()),
    "notifications:notification-list": ("bob", ()),
}
QUERY_PARAMETERS = {
    "q": text(),
    "page": st.integers(-5, 10**25).map(str),
    "page_size": st.integers(-5, 1000).map(str),
    "sort": st.sampled_from(["relevance", "newest", "oldest", "title"]),
    "type": choice(KnowledgeProduct.Type.values),
    "pillar": st.integers(0, 9).map(str),
    "country": st.sampled_from(["EC", "CR", "ec", "1"]),
    "regional": st.just("true"),
    "language": choice(KnowledgeProduct.Language.values),
    "year": st.integers(1800, 2200).map(str),
    "topic": st.sampled_from(["youth", "prisons"]),
    "evidence": choice(KnowledgeProduct.Verdict.values),
    "level": st.integers(0, 5).map(str),
    "status": st.sampled_from(["member", "active", "ended", "former", "draft", "sent"]),
    "kind": st.sampled_from(["security", "multilateral", "meeting_reminder"]),
    "body": choice(Meeting.Body.values),
    "when": st.sampled_from(["upcoming", "past", "all"]),
    "object_type": st.sampled_from(["members.Country", "knowledge.KnowledgeProduct"]),
    "action": text(),
    "actor": text(),
    "since": dates(),
    "until": dates(),
}


@pytest.mark.parametrize("list_name", sorted(LISTS))
def test_every_list_search_and_api_answers_hostile_query_strings_without_a_500(
    client, world, list_name
):
    user, needs = LISTS[list_name]
    for record in needs:
        getattr(world, record)
    if user:
        client_for(client, getattr(world, user))
    url = reverse(list_name)
    known = st.sets(st.sampled_from(sorted(QUERY_PARAMETERS)), max_size=8)
    unknown = st.sets(st.text(max_size=20), max_size=2)

    @FUZZ
    @given(data=st.data())
    def get_hostile(data):
        query = {}
        for name in sorted(data.draw(known)) + sorted(data.draw(unknown)):
            if name in QUERY_PARAMETERS and data.draw(st.booleans()):
                value = data.draw(QUERY_PARAMETERS[name])
            else:
                value = data.draw(st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3)))
            query[name] = value
        before = row_counts()
        response = client.get(url, query)
        assert response.status_code < 500
        check_answer(response, before=before, after=row_counts(), files_before=0, files_after=0)

    get_hostile()
