"""A focal point whose country has left the Alliance, with an appointment still open, writes
nothing in its name: no product proposals or edits, no report filing (issue 11, item 14). Every
write asks members.permissions.acting_country_ids."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.dates import alliance_today
from knowledge import services as knowledge_services
from knowledge.models import KnowledgeProduct
from members import services as member_services
from members.permissions import acting_country_ids, country_ids_for
from tests.conftest import client_for, open_cycle
from tests.factories import approved_plan
from tests.knowledge.factories import KnowledgeProductFactory
from working_groups.models import WorkingGroup


@pytest.fixture
def ecuador_left(alice, ecuador):
    member_services.country_leave(
        country=ecuador, left_on=alliance_today() - datetime.timedelta(days=1), by=alice
    )
    return ecuador


def test_the_appointment_stays_open_but_gives_no_right_to_act(bob, ecuador_left):
    assert ecuador_left.pk in country_ids_for(bob)
    assert ecuador_left.pk not in acting_country_ids(bob)


def test_focal_point_of_a_country_that_left_cannot_propose_a_product(client, bob, ecuador_left):
    client_for(client, bob)
    assert client.get(reverse("knowledge:product-create")).status_code == 403
    response = client.post(
        reverse("knowledge:product-create"),
        {"title": "Guía", "product_type": "guide", "summary": "s", "language": "es"},
    )
    assert response.status_code == 403
    assert not KnowledgeProduct.objects.exists()
    with pytest.raises(PermissionDenied):
        knowledge_services.product_create(
            title="Guía", product_type="guide", summary="s", language="es", by=bob
        )


def test_focal_point_of_a_country_that_left_cannot_edit_its_draft(client, bob, ecuador_left):
    draft = KnowledgeProductFactory(
        status=KnowledgeProduct.Status.DRAFT, published_at=None, proposing_country=ecuador_left
    )
    client_for(client, bob)
    response = client.get(reverse("knowledge:product-edit", args=[draft.pk]))
    assert response.status_code == 403


def test_focal_point_of_a_country_that_left_cannot_file_its_open_report(
    client, alice, bob, ecuador
):
    group = WorkingGroup.objects.get(number=1)
    approved_plan(group, activities=1)
    cycle = open_cycle(groups=[group], by=alice)
    report = cycle.reports.get(country=ecuador, group=group)
    member_services.country_leave(
        country=ecuador, left_on=alliance_today() - datetime.timedelta(days=1), by=alice
    )
    client_for(client, bob)
    edit = reverse("working_groups:report-edit", args=[report.pk])
    response = client.post(edit, {"version": report.version, "achievements": "Written after"})
    # Ecuador still sees its report: Bob is sent back to it, told why, and nothing is saved.
    assert response.status_code == 302
    assert response["Location"] == reverse("working_groups:report-detail", args=[report.pk])
    assert "This report cannot be edited now." in client.get(response["Location"]).content.decode()
    report.refresh_from_db()
    assert report.achievements != "Written after"
