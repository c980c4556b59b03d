"""Linking a proposal to another product ("translation of", "related products") finds only
products the person may see: another country's draft answers exactly as an unknown address name
(issue 11, item 7)."""

import pytest
from django.urls import reverse

from knowledge.models import KnowledgeProduct

from .factories import KnowledgeProductFactory
from .test_workspace import _form_data, _proposal


@pytest.fixture
def barbados_draft(barbados):
    return _proposal(barbados, title="Secret plan of Barbados", slug="secret-plan", language="en")


@pytest.mark.parametrize("field", ["translation_of_slug", "related_slugs"])
def test_another_countrys_draft_answers_as_an_unknown_slug(bob_client, barbados_draft, field):
    url = reverse("knowledge:product-create")
    hidden = bob_client.post(url, _form_data(**{field: "secret-plan"})).content.decode()
    unknown = bob_client.post(url, _form_data(**{field: "no-such-plan"})).content.decode()
    assert "Secret plan of Barbados" not in hidden
    assert "No product has the address name secret-plan." in hidden
    assert "No product has the address name no-such-plan." in unknown
    assert not KnowledgeProduct.objects.exclude(pk=barbados_draft.pk).exists()


def test_a_published_product_and_ones_own_draft_can_be_linked(bob_client, ecuador):
    KnowledgeProductFactory(slug="public-guide", language="en")
    _proposal(ecuador, slug="our-draft", language="en")
    response = bob_client.post(
        reverse("knowledge:product-create"),
        _form_data(translation_of_slug="public-guide", related_slugs="our-draft"),
    )
    assert response.status_code == 302
    product = KnowledgeProduct.objects.get(title=_form_data()["title"])
    assert product.translation_of.slug == "public-guide"
    assert [p.slug for p in product.related_products.all()] == ["our-draft"]
