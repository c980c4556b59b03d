"""Working groups: public pages, member countries (all by default, dated opt-outs) and leads."""

import datetime

import pytest
from django.urls import reverse
from django.utils import formats, translation

from core.dates import alliance_today
from members.models import Country
from tests.conftest import client_for
from tests.factories import ActivityFactory, approved_plan
from working_groups.models import GroupLead, GroupOptOut


def test_public_group_list_shows_the_three_groups_their_leads_and_members(client, lena):
    body = client.get(reverse("working_groups:group-list")).content.decode()
    assert "Protecting vulnerable populations and communities" in body
    assert "Strengthening security and justice institutions" in body
    assert "Disrupting financial flows and curbing illicit markets" in body
    assert "Costa Rica" in body
    assert "18 member countries" in body


def test_public_group_page_shows_mandate_leads_members_and_approved_plan(client, lena, group1):
    plan = approved_plan(group1, activities=0, title="Plan 2026-2027")
    ActivityFactory(plan=plan, title="Regional youth prevention protocol")
    draft = approved_plan(group1, activities=0, title="Secret draft", status="draft")
    assert draft.status == "draft"
    body = client.get(reverse("working_groups:group-detail", args=[group1.slug])).content.decode()
    assert "Prevent violence and the recruitment of young people" in body
    assert "Costa Rica" in body
    assert "Regional youth prevention protocol" in body
    assert "Plan 2026-2027" in body
    assert "Secret draft" not in body
    assert "Not reported yet" in body


def test_unknown_group_is_404(client, db):
    assert client.get(reverse("working_groups:group-detail", args=["nope"])).status_code == 404


def test_every_member_country_belongs_to_every_group_by_default(group2):
    today = alliance_today()
    assert len(group2.member_country_ids(today)) == 18


def test_secretariat_records_a_country_leaving_a_group_and_returning(alice_client, group2, ecuador):
    response = alice_client.post(
        reverse("working_groups:opt-out-create", args=[group2.slug]),
        {"country": ecuador.pk, "start_on": "2026-02-01", "note": "Letter of 20 January"},
    )
    assert response.status_code == 302
    assert ecuador.pk in group2.member_country_ids(datetime.date(2026, 1, 31))
    assert ecuador.pk not in group2.member_country_ids(datetime.date(2026, 2, 1))
    opt_out = GroupOptOut.objects.get(group=group2, country=ecuador)
    # Twice is refused with a message.
    response = alice_client.post(
        reverse("working_groups:opt-out-create", args=[group2.slug]),
        {"country": ecuador.pk, "start_on": "2026-03-01", "note": "again"},
    )
    assert response.status_code == 400
    assert "already does not take part" in response.content.decode()
    # It comes back; the history stays.
    response = alice_client.post(
        reverse("working_groups:opt-out-end", args=[opt_out.pk]), {"end_on": "2026-05-01"}
    )
    assert response.status_code == 302
    assert ecuador.pk in group2.member_country_ids(datetime.date(2026, 5, 1))
    assert ecuador.pk not in group2.member_country_ids(datetime.date(2026, 4, 30))
    response = alice_client.get(reverse("working_groups:group-manage", args=[group2.slug]))
    body = response.content.decode()
    assert "Letter of 20 January" in body
    # The page shows the last day without taking part, not the first day back.
    with translation.override(response["Content-Language"]):
        assert formats.date_format(datetime.date(2026, 4, 30), "DATE_FORMAT") in body
        assert formats.date_format(datetime.date(2026, 5, 1), "DATE_FORMAT") not in body


def test_restoring_before_the_opt_out_started_is_refused(alice_client, group2, ecuador):
    opt_out = GroupOptOut.objects.create(
        group=group2, country=ecuador, start_on=datetime.date(2026, 2, 1)
    )
    response = alice_client.post(
        reverse("working_groups:opt-out-end", args=[opt_out.pk]), {"end_on": "2026-01-01"}
    )
    assert response.status_code == 400
    opt_out.refresh_from_db()
    assert opt_out.end_on is None


def test_a_third_lead_is_refused_and_leads_keep_their_history(alice_client, group3):
    codes = ["AR", "PA", "JM"]
    url = reverse("working_groups:lead-add", args=[group3.slug])
    for code in codes[:2]:
        country = Country.objects.get(iso_code=code)
        response = alice_client.post(url, {"country": country.pk, "start_on": "2025-02-01"})
        assert response.status_code == 302
    jamaica = Country.objects.get(iso_code="JM")
    response = alice_client.post(url, {"country": jamaica.pk, "start_on": "2025-03-01"})
    assert response.status_code == 400
    assert "at most two lead countries" in response.content.decode()
    # End Argentina's lead; Jamaica may then lead.
    argentina_lead = GroupLead.objects.get(group=group3, country__iso_code="AR")
    response = alice_client.post(
        reverse("working_groups:lead-end", args=[argentina_lead.pk]), {"end_on": "2026-01-01"}
    )
    assert response.status_code == 302
    response = alice_client.post(url, {"country": jamaica.pk, "start_on": "2026-01-01"})
    assert response.status_code == 302
    assert sorted(group3.lead_country_ids(datetime.date(2025, 6, 1))) == sorted(
        Country.objects.filter(iso_code__in=["AR", "PA"]).values_list("pk", flat=True)
    )
    assert sorted(group3.lead_country_ids(datetime.date(2026, 6, 1))) == sorted(
        Country.objects.filter(iso_code__in=["JM", "PA"]).values_list("pk", flat=True)
    )
    body = alice_client.get(reverse("working_groups:group-manage", args=[group3.slug]))
    assert "Argentina" in body.content.decode()


def test_a_country_not_in_the_group_cannot_lead_it(alice_client, group3, ecuador):
    GroupOptOut.objects.create(group=group3, country=ecuador, start_on=datetime.date(2025, 1, 1))
    response = alice_client.post(
        reverse("working_groups:lead-add", args=[group3.slug]),
        {"country": ecuador.pk, "start_on": "2025-06-01"},
    )
    assert response.status_code == 400
    assert not GroupLead.objects.filter(group=group3).exists()


def test_bad_dates_are_a_400_not_a_500(alice_client, group3, ecuador):
    response = alice_client.post(
        reverse("working_groups:lead-add", args=[group3.slug]),
        {"country": ecuador.pk, "start_on": "not a date"},
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "name",
    ["working_groups:group-manage", "working_groups:lead-add", "working_groups:opt-out-create"],
)
def test_only_the_secretariat_manages_members_and_leads(client, bob, lena, group1, name):
    url = reverse(name, args=[group1.slug])
    assert client.get(url).status_code == 302  # to the login page
    for user in (bob, lena):
        client_for(client, user)
        assert client.get(url).status_code == 403
        assert client.post(url, {}).status_code == 403


def test_group_pages_are_translated_into_spanish(client, settings, lena, group1):
    approved_plan(group1, activities=1)
    settings.LANGUAGE_CODE = "es"
    body = client.get(reverse("working_groups:group-list")).content.decode()
    assert "Países líderes" in body and "18 países miembros" in body
    body = client.get(reverse("working_groups:group-detail", args=[group1.slug])).content.decode()
    assert "Mandato" in body and "Plan de trabajo" in body


def test_group_membership_follows_alliance_membership(alice, group1):
    from members import services as member_services

    jamaica = Country.objects.get(iso_code="JM")
    member_services.country_leave(country=jamaica, left_on=datetime.date(2026, 3, 1), by=alice)
    assert jamaica.pk in group1.member_country_ids(datetime.date(2026, 2, 28))
    assert jamaica.pk not in group1.member_country_ids(datetime.date(2026, 3, 1))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "/working-groups/pillar-2/members/remove/?a=1",
            "/working-groups/pillar-2/opt-outs/new/?a=1",
        ),
        ("/working-groups/opt-outs/7/restore/", "/working-groups/opt-outs/7/end/"),
        ("/working-groups/reports/7/", "/reporting/cycles/7/summary/"),
    ],
)
def test_old_paths_answer_301_to_where_they_live_now(client, db, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
