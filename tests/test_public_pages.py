"""What the public sees: home, members, the layout, languages."""

import datetime

import pytest
from django.urls import reverse

from members.models import Country
from tests.conftest import client_for
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
    MembershipPeriodFactory(country=colombia, start_on=datetime.date(2025, 3, 1))
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


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pt", "Membros da Aliança"), ("fr", "Membres de l'Alliance")],
)
def test_pages_speak_portuguese_and_french(client, db, language, expected):
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    body = client.get(reverse("members:members")).content.decode()
    assert f'<html lang="{language}">' in body
    assert expected in body.replace("&#x27;", "'")


def test_language_follows_the_browser_then_spanish(client, db, settings):
    settings.LANGUAGE_CODE = "es"  # the project's default (the tests' own default is English)
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9").content.decode()
    assert '<html lang="pt">' in body
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()
    assert '<html lang="es">' in body


def test_signed_in_persons_preference_wins_and_the_switch_keeps_it(client, bob):
    client_for(client, bob)
    bob.preferred_language = "fr"
    bob.save(update_fields=["preferred_language"])
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr">' in body
    response = client.post(reverse("set_language"), {"language": "en", "next": "/members/"})
    assert response.status_code == 302 and response.url == "/members/"
    bob.refresh_from_db()
    assert bob.preferred_language == "en"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "12 décembre 2024"), ("pt", "12 de Dezembro de 2024"), ("en", "Dec. 12, 2024")],
)
def test_dates_follow_the_language(client, db, language, expected):
    PartnerFactory(name="UNDP", joined_on=datetime.date(2024, 12, 12))
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    body = client.get(reverse("members:members")).content.decode()
    assert expected in body
