"""What the public sees: home, members, the layout, languages."""

import datetime

import pytest
from django.urls import reverse

from members.models import Country
from tests.factories import MembershipPeriodFactory, MinistryFactory, PartnerFactory


def test_home_presents_the_alliance_its_pillars_and_members(client, db):
    body = client.get(reverse("home")).content.decode()
    assert "18 Latin American and Caribbean countries" in body
    assert "Protecting vulnerable populations and communities" in body
    assert "Disrupting financial flows and curbing illicit markets" in body
    assert "Lines of action" in body
    assert "Jamaica" in body and "Suriname" in body


def test_members_page_lists_members_ministries_and_partners(client, ecuador):
    MinistryFactory(country=ecuador, name="Ministerio del Interior")
    PartnerFactory(name="Caribbean Development Bank", acronym="CDB", kind="development_agency")
    PartnerFactory(
        name="Left Already",
        joined_on=datetime.date(2024, 12, 12),
        left_on=datetime.date(2025, 1, 1),
    )
    body = client.get(reverse("members:members")).content.decode()
    assert "Ministerio del Interior" in body
    assert "Caribbean Development Bank (CDB)" in body
    assert "Left Already" not in body


def test_a_country_that_joins_later_is_counted_from_its_date(client, db):
    colombia = Country.objects.create(
        iso_code="CO",
        name_es="Colombia",
        name_en="Colombia",
        name_pt="Colômbia",
        name_fr="Colombie",
    )
    MembershipPeriodFactory(country=colombia, joined_on=datetime.date(2025, 3, 1))
    body = client.get(reverse("members:members")).content.decode()
    assert "19 member countries" in body


def test_layout_has_landmarks_skip_link_and_language_switcher(client, db):
    body = client.get(reverse("home")).content.decode()
    assert '<a class="skip-link" href="#main">' in body
    assert '<main id="main"' in body and "<header" in body and "<footer" in body
    assert '<nav class="site-nav" aria-label="Main">' in body
    assert '<label for="language-select">' in body
    assert 'name="language"' in body


def test_no_static_file_comes_from_another_site(client, db):
    body = client.get(reverse("home")).content.decode()
    assert "https://" not in body.split("<body")[0]
    assert 'src="http' not in body


@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "Miembros de la Alianza"), ("en", "Members of the Alliance")],
)
def test_pages_speak_the_chosen_language(client, db, language, expected):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    body = client.get(reverse("members:members")).content.decode()
    assert expected in body
    assert f'<html lang="{language}">' in body


def test_country_names_follow_the_language(client, db):
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert "Perú" in client.get(reverse("home")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Peru" in client.get(reverse("home")).content.decode()


def test_unknown_page_is_a_friendly_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
