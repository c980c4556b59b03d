"""Detail addresses with keys no record has answer 404, never a 500."""

from django.urls import reverse
from hypothesis import assume, given
from hypothesis import strategies as st

from knowledge.models import KnowledgeProduct
from tests.conftest import client_for
from working_groups.models import WorkingGroup

from .strategies import FUZZ

# Keys no record has: 0 (never given out), far beyond any sequence, and the edges of 32- and 64-bit
# integers and beyond (what a database column cannot even hold).
NO_SUCH_PK = st.one_of(
    st.just(0),
    st.integers(10**9, 10**30),
    st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, 10**4000]),
)


@FUZZ
@given(pk=NO_SUCH_PK, slug=st.from_regex(r"\A[-a-zA-Z0-9_]{1,300}\Z"))
def test_detail_addresses_with_odd_keys_answer_404_not_500(client, world, pk, slug):
    """The secretariat sees every record there is, so a 404 here means "no such record", not
    "not yours"; each address must answer exactly that."""
    assume(not WorkingGroup.objects.filter(slug=slug).exists())
    assume(not KnowledgeProduct.objects.filter(slug=slug).exists())
    client_for(client, world.alice)
    for name in (
        "governance:meeting-detail",
        "governance:meeting-ics",
        "working_groups:plan-detail",
        "working_groups:report-detail",
        "working_groups:cycle-detail",
        "working_groups:evidence-download",
        "knowledge:file-download",
        "knowledge:workspace-product",
        "members:ministry-edit",
    ):
        assert client.get(reverse(name, args=[pk])).status_code == 404, (name, pk)
    for name in (
        "knowledge:product-detail",
        "knowledge:api-product-detail",
        "working_groups:group-detail",
    ):
        assert client.get(reverse(name, args=[slug])).status_code == 404, (name, slug)
    for name in ("members:invitation-accept", "notifications:unsubscribe"):
        response = client.post(reverse(name, args=[slug]), {"new_password1": "x"})
        assert response.status_code == 404, (name, slug)
