"""Proposing, reviewing and publishing products, and who may do each step."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from knowledge import services
from knowledge.models import KnowledgeProduct
from tests.conftest import client_for
from tests.factories import CountryFactory
from working_groups.models import WorkingGroup

from .factories import PDF_BYTES, KnowledgeProductFactory, upload

Status = KnowledgeProduct.Status


def _proposal(country, **extra):
    values = {"status": Status.DRAFT, "published_at": None, "proposing_country": country}
    return KnowledgeProductFactory(**{**values, **extra})


def _form_data(**extra):
    data = {
        "title": "Guía para prevenir el reclutamiento juvenil",
        "product_type": "guide",
        "summary": "Cómo las escuelas y los municipios detectan las señales tempranas.",
        "body": "## Pasos\n\n1. Mapear\n2. Actuar",
        "language": "es",
        "pillars": [WorkingGroup.objects.get(number=1).pk],
        "is_regional": "on",
        "authors": "Ana Pérez; Luis Gómez",
        "organisation": "Ministerio del Interior",
        "topics_text": "youth, schools",
    }
    data.update(extra)
    return data


def test_focal_point_proposes_a_draft_for_their_country(bob_client, bob, ecuador):
    response = bob_client.post(reverse("knowledge:product-create"), _form_data())
    assert response.status_code == 302
    product = KnowledgeProduct.objects.get()
    assert product.status == Status.DRAFT
    assert product.proposing_country == ecuador
    assert product.created_by == bob
    assert product.slug == "guia-para-prevenir-el-reclutamiento-juvenil"
    assert sorted(t.name for t in product.topics.all()) == ["schools", "youth"]
    # Not public yet.
    assert (
        bob_client.get(reverse("knowledge:product-detail", args=[product.slug])).status_code == 404
    )


def test_person_without_appointment_cannot_propose(client, eve):
    client_for(client, eve)
    assert client.get(reverse("knowledge:product-create")).status_code == 403
    assert client.get(reverse("knowledge:workspace")).status_code == 403
    assert client.post(reverse("knowledge:product-create"), _form_data()).status_code == 403
    assert not KnowledgeProduct.objects.exists()


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get(reverse("knowledge:workspace"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_proposal_needs_coverage_and_keeps_the_input(bob_client):
    data = _form_data()
    del data["is_regional"]
    response = bob_client.post(reverse("knowledge:product-create"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "mark the product as regional" in body
    assert "Guía para prevenir el reclutamiento juvenil" in body


def test_focal_point_edits_their_countrys_draft(bob_client, ecuador):
    product = _proposal(ecuador)
    url = reverse("knowledge:product-edit", args=[product.pk])
    assert bob_client.get(url).status_code == 200
    response = bob_client.post(url, _form_data(title="Nuevo título", version=product.version))
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.title == "Nuevo título"
    assert product.version == 2


def test_focal_point_cannot_open_another_countrys_proposal(bob_client, barbados):
    product = _proposal(barbados)
    for name in ("workspace-product", "product-edit", "file-add", "link-add"):
        assert bob_client.get(reverse(f"knowledge:{name}", args=[product.pk])).status_code == 404
    assert (
        bob_client.post(reverse("knowledge:product-submit", args=[product.pk])).status_code == 404
    )
    workspace = bob_client.get(reverse("knowledge:workspace")).content.decode()
    assert product.title not in workspace


def test_focal_point_cannot_edit_once_submitted(bob_client, ecuador):
    product = _proposal(ecuador, status=Status.IN_REVIEW)
    assert (
        bob_client.get(reverse("knowledge:workspace-product", args=[product.pk])).status_code == 200
    )
    assert bob_client.get(reverse("knowledge:product-edit", args=[product.pk])).status_code == 404
    assert bob_client.post(reverse("knowledge:file-add", args=[product.pk])).status_code == 404


def test_former_focal_point_loses_access(client, dave, ecuador):
    product = _proposal(ecuador)
    client_for(client, dave)
    assert client.get(reverse("knowledge:product-edit", args=[product.pk])).status_code == 403


def test_stale_edit_is_refused_with_409_and_keeps_the_input(bob_client, alice, ecuador):
    product = _proposal(ecuador)
    services.product_update(product=product, by=alice, version=1, title="Changed by Alice")
    response = bob_client.post(
        reverse("knowledge:product-edit", args=[product.pk]),
        _form_data(title="Bob's title", version=1),
    )
    assert response.status_code == 409
    assert "Bob&#x27;s title" in response.content.decode()
    product.refresh_from_db()
    assert product.title == "Changed by Alice"


def test_full_workflow_submit_return_submit_publish_archive(bob_client, client, alice, ecuador):
    product = _proposal(ecuador, published_on=None)
    assert (
        bob_client.post(reverse("knowledge:product-submit", args=[product.pk])).status_code == 302
    )
    product.refresh_from_db()
    assert product.status == Status.IN_REVIEW and product.submitted_at

    # Bob may not publish: only the secretariat does.
    assert (
        bob_client.post(reverse("knowledge:product-publish", args=[product.pk])).status_code == 403
    )

    alice_client = client_for(client.__class__(), alice)
    response = alice_client.post(
        reverse("knowledge:product-return", args=[product.pk]), {"comment": "Add the data file."}
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.status == Status.DRAFT and product.review_comment == "Add the data file."

    bob_client.post(reverse("knowledge:product-submit", args=[product.pk]))
    alice_client.post(reverse("knowledge:product-publish", args=[product.pk]))
    product.refresh_from_db()
    assert product.status == Status.PUBLISHED
    assert product.published_on is not None and product.published_at is not None
    assert (
        client.__class__().get(reverse("knowledge:product-detail", args=[product.slug])).status_code
        == 200
    )

    alice_client.post(reverse("knowledge:product-archive", args=[product.pk]))
    product.refresh_from_db()
    assert product.status == Status.ARCHIVED


def test_returning_needs_a_comment(alice_client, ecuador):
    product = _proposal(ecuador, status=Status.IN_REVIEW)
    response = alice_client.post(reverse("knowledge:product-return", args=[product.pk]), {})
    assert response.status_code == 400
    product.refresh_from_db()
    assert product.status == Status.IN_REVIEW


def test_publishing_twice_is_refused_with_a_message(alice_client, ecuador):
    product = _proposal(ecuador, status=Status.IN_REVIEW)
    url = reverse("knowledge:product-publish", args=[product.pk])
    assert alice_client.post(url).status_code == 302
    response = alice_client.post(url)
    assert response.status_code == 409
    assert "published now" in response.content.decode()


def test_workflow_pages_reject_get(alice_client, ecuador):
    product = _proposal(ecuador)
    for name in ("product-submit", "product-publish", "product-archive", "product-return"):
        assert alice_client.get(reverse(f"knowledge:{name}", args=[product.pk])).status_code == 405


def test_secretariat_sees_every_proposal_and_edits_published_products(alice_client, barbados):
    draft = _proposal(barbados)
    published = KnowledgeProductFactory(title="Already out")
    body = alice_client.get(reverse("knowledge:workspace")).content.decode()
    assert draft.title in body and "Already out" in body
    response = alice_client.post(
        reverse("knowledge:product-edit", args=[published.pk]),
        _form_data(title="Already out, corrected", version=published.version),
    )
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.title == "Already out, corrected"
    assert published.status == Status.PUBLISHED


def test_workspace_filter_rejects_an_unknown_status(alice_client):
    response = alice_client.get(reverse("knowledge:workspace") + "?status=bogus")
    assert response.status_code == 400


def test_services_refuse_people_without_the_right(bob, carol, ecuador):
    product = _proposal(ecuador)
    with pytest.raises(PermissionDenied):
        services.product_publish(product=product, by=bob)
    with pytest.raises(PermissionDenied):
        services.product_update(product=product, by=carol, version=1, title="Not mine")
    with pytest.raises(PermissionDenied):
        services.product_submit(product=product, by=carol)


def test_evidence_rating_needs_level_and_verdict(alice):
    with pytest.raises(ValidationError) as error:
        services.product_create(
            by=alice,
            title="Evaluation",
            product_type="pilot",
            summary="s",
            language="en",
            is_regional=True,
            evidence_level=4,
        )
    assert "both the strength of evidence and the verdict" in str(error.value)


def test_translation_must_be_in_another_language(alice):
    original = KnowledgeProductFactory(language="es")
    with pytest.raises(ValidationError):
        services.product_create(
            by=alice, title="Copy", product_type="guide", summary="s", language="es",
            is_regional=True, translation_of=original,
        )  # fmt: skip
    translation = services.product_create(
        by=alice, title="Translation", product_type="guide", summary="s", language="en",
        is_regional=True, translation_of=original,
    )  # fmt: skip
    assert translation.translation_of == original


def test_focal_point_adds_and_replaces_a_file_keeping_the_earlier_version(bob_client, ecuador):
    product = _proposal(ecuador)
    response = bob_client.post(
        reverse("knowledge:file-add", args=[product.pk]),
        {"label": "Full report", "file": upload("Informe Final.PDF", PDF_BYTES)},
    )
    assert response.status_code == 302
    product_file = product.files.get()
    first = product_file.versions.get()
    assert first.name == "informe-final.pdf"
    assert first.content_type == "application/pdf"
    assert first.size == len(PDF_BYTES)

    response = bob_client.post(
        reverse("knowledge:file-replace", args=[product_file.pk]),
        {"file": upload("informe-v2.pdf", PDF_BYTES + b"%v2\n"), "reason": "Corrected table 3"},
    )
    assert response.status_code == 302
    assert product_file.versions.count() == 2
    assert product_file.versions.first().reason == "Corrected table 3"


def test_replacing_a_file_needs_a_reason(bob_client, ecuador):
    product = _proposal(ecuador)
    product_file = services.product_file_add(
        product=product,
        by=product.created_by or _secretariat(),
        label="Report",
        upload=upload("r.pdf", PDF_BYTES),
    )
    response = bob_client.post(
        reverse("knowledge:file-replace", args=[product_file.pk]),
        {"file": upload("r2.pdf", PDF_BYTES), "reason": ""},
    )
    assert response.status_code == 400
    assert product_file.versions.count() == 1


def test_links_are_added_and_removed(bob_client, ecuador):
    product = _proposal(ecuador)
    response = bob_client.post(
        reverse("knowledge:link-add", args=[product.pk]),
        {"label": "Online tool", "url": "https://tool.example.org/"},
    )
    assert response.status_code == 302
    link = product.links.get()
    assert bob_client.post(reverse("knowledge:link-remove", args=[link.pk])).status_code == 302
    assert not product.links.exists()


def test_link_must_be_a_web_address(bob_client, ecuador):
    product = _proposal(ecuador)
    response = bob_client.post(
        reverse("knowledge:link-add", args=[product.pk]),
        {"label": "Bad", "url": "javascript:alert(1)"},
    )
    assert response.status_code == 400
    assert not product.links.exists()


def _secretariat():
    from tests.factories import UserFactory

    return UserFactory(is_secretariat=True)


@pytest.mark.parametrize(
    "name", ["product-return", "product-publish", "product-archive", "product-unarchive"]
)
@pytest.mark.parametrize("who", ["bob", "eve"])
def test_only_the_secretariat_reviews(client, request, ecuador, name, who):
    product = _proposal(ecuador, status=Status.IN_REVIEW)
    client_for(client, request.getfixturevalue(who))
    response = client.post(reverse(f"knowledge:{name}", args=[product.pk]), {"comment": "x"})
    assert response.status_code == 403
    product.refresh_from_db()
    assert product.status == Status.IN_REVIEW


def test_focal_point_cannot_touch_another_countrys_files_and_links(bob_client, alice, barbados):
    product = _proposal(barbados)
    product_file = services.product_file_add(
        product=product, by=alice, label="Report", upload=upload("r.pdf", PDF_BYTES)
    )
    link = services.product_link_add(product=product, by=alice, label="L", url="https://x.org/")
    url = reverse("knowledge:file-replace", args=[product_file.pk])
    assert bob_client.get(url).status_code == 404
    response = bob_client.post(url, {"file": upload("r.pdf", PDF_BYTES), "reason": "mine now"})
    assert response.status_code == 404
    assert bob_client.post(reverse("knowledge:link-remove", args=[link.pk])).status_code == 404
    assert product.links.exists() and product_file.versions.count() == 1


def test_secretariat_proposes_without_a_country_and_unarchives(alice_client):
    response = alice_client.post(reverse("knowledge:product-create"), _form_data())
    assert response.status_code == 302
    product = KnowledgeProduct.objects.get()
    assert product.proposing_country is None
    for name in ("product-publish", "product-archive", "product-unarchive"):
        assert alice_client.post(reverse(f"knowledge:{name}", args=[product.pk])).status_code == 302
    product.refresh_from_db()
    assert product.status == Status.PUBLISHED and product.archived_at is None


def test_focal_point_with_two_countries_must_choose_one_of_them(client, bob, barbados, ecuador):
    from tests.factories import AppointmentFactory, MinistryFactory

    AppointmentFactory(user=bob, ministry=MinistryFactory(country=barbados))
    client_for(client, bob)
    response = client.post(reverse("knowledge:product-create"), _form_data())
    assert response.status_code == 400
    other = CountryFactory()
    response = client.post(
        reverse("knowledge:product-create"), _form_data(proposing_country=other.pk)
    )
    assert response.status_code == 400
    response = client.post(
        reverse("knowledge:product-create"), _form_data(proposing_country=barbados.pk)
    )
    assert response.status_code == 302
    assert KnowledgeProduct.objects.get().proposing_country == barbados


def test_slugs_are_unique_readable_and_avoid_the_librarys_own_addresses(alice):
    def create(title):
        return services.product_create(
            by=alice, title=title, product_type="dataset", summary="s", language="es",
            is_regional=True,
        )  # fmt: skip

    assert create("Incautaciones 2020–2024").slug == "incautaciones-2020-2024"
    assert create("Incautaciones 2020–2024").slug == "incautaciones-2020-2024-2"
    assert create("Workspace").slug == "workspace-2"
    assert create("¿¡!?").slug == "product"
