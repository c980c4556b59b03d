"""The pro-tempore presidency: terms never overlap, the rotation is scheduled ahead, and who holds
it on a day follows from the dates."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats

from core.periods import end_after, last_day
from governance import selectors, services
from governance.models import PresidencyTerm, PresidencyTermChange
from members.models import Country
from tests.conftest import client_for
from tests.factories import CountryFactory, MembershipPeriodFactory

D = datetime.date


@pytest.fixture
def countries(db):
    return {c.iso_code: c for c in Country.objects.filter(iso_code__in=["EC", "AR", "PA", "JM"])}


@pytest.fixture
def ecuador_term(countries):
    return services.presidency_term_add(country=countries["EC"], start_on=D(2024, 12, 12))


def _terms() -> list[tuple[str, datetime.date, datetime.date]]:
    """Every term as people read it: country, first day, last day."""
    return [
        (iso_code, start_on, last_day(end_on))
        for iso_code, start_on, end_on in PresidencyTerm.objects.order_by("start_on").values_list(
            "country__iso_code", "start_on", "end_on"
        )
    ]


def test_a_term_lasts_twelve_months_by_default(ecuador_term):
    assert (ecuador_term.start_on, ecuador_term.last_day) == (D(2024, 12, 12), D(2025, 12, 11))
    assert ecuador_term.end_on == D(2025, 12, 12)  # the first day after: the next term's first
    assert ecuador_term.length_in_days == 365


def test_the_next_term_starts_the_day_after_the_last_one_ends(ecuador_term, countries):
    term = services.presidency_term_add(country=countries["AR"])
    assert term.start_on == D(2025, 12, 12)


def test_overlapping_term_is_refused_naming_the_clashing_term(alice_client, ecuador_term):
    response = alice_client.post(
        reverse("governance:term-create"),
        {"country": Country.objects.get(iso_code="AR").pk, "start_on": "2025-06-01"},
    )
    assert response.status_code == 400
    assert "overlap the term of Ecuador (2024-12-12 – 2025-12-11)" in response.content.decode()
    assert PresidencyTerm.objects.count() == 1


def test_the_database_itself_refuses_overlapping_terms(ecuador_term, countries):
    """PostgreSQL: the exclusion constraint over ``daterange(start_on, end_on, '[)')``; SQLite:
    the triggers (migration 0004). Ecuador's term is [2024-12-12, 2025-12-12)."""
    # Sharing Ecuador's last day, 2025-12-11: refused.
    with pytest.raises(IntegrityError), transaction.atomic():
        PresidencyTerm.objects.create(
            country=countries["AR"], start_on=D(2025, 12, 11), end_on=D(2026, 12, 11)
        )
    # Inside Ecuador's term: refused.
    with pytest.raises(IntegrityError), transaction.atomic():
        PresidencyTerm.objects.create(
            country=countries["AR"], start_on=D(2025, 1, 1), end_on=D(2025, 2, 1)
        )
    # Adjacent on both sides (one's end_on is the other's start_on): allowed.
    later = PresidencyTerm.objects.create(
        country=countries["AR"], start_on=D(2025, 12, 12), end_on=D(2026, 12, 12)
    )
    PresidencyTerm.objects.create(
        country=countries["PA"], start_on=D(2023, 12, 12), end_on=D(2024, 12, 12)
    )
    # Moving a term into another: refused too.
    with pytest.raises(IntegrityError), transaction.atomic():
        PresidencyTerm.objects.filter(pk=later.pk).update(start_on=D(2025, 12, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        PresidencyTerm.objects.filter(pk=ecuador_term.pk).update(end_on=D(2025, 12, 13))
    assert _terms() == [
        ("PA", D(2023, 12, 12), D(2024, 12, 11)),
        ("EC", D(2024, 12, 12), D(2025, 12, 11)),
        ("AR", D(2025, 12, 12), D(2026, 12, 11)),
    ]


def test_only_member_countries_hold_the_presidency(db):
    outsider = CountryFactory()
    with pytest.raises(ValidationError, match="not a member"):
        services.presidency_term_add(country=outsider, start_on=D(2025, 1, 1))
    MembershipPeriodFactory(country=outsider, start_on=D(2025, 1, 1), end_on=D(2025, 6, 1))
    with pytest.raises(ValidationError, match="not a member"):
        services.presidency_term_add(country=outsider, start_on=D(2025, 7, 1))


def test_schedule_several_terms_from_an_ordered_list(alice_client, ecuador_term):
    response = alice_client.post(reverse("governance:term-schedule"), {"countries": "ar, PA,jm"})
    assert response.status_code == 302
    assert _terms() == [
        ("EC", D(2024, 12, 12), D(2025, 12, 11)),
        ("AR", D(2025, 12, 12), D(2026, 12, 11)),
        ("PA", D(2026, 12, 12), D(2027, 12, 11)),
        ("JM", D(2027, 12, 12), D(2028, 12, 11)),
    ]


def test_schedule_with_an_unknown_code_changes_nothing(alice_client, ecuador_term):
    response = alice_client.post(reverse("governance:term-schedule"), {"countries": "AR, XX"})
    assert response.status_code == 400
    assert "Unknown country codes: XX" in response.content.decode()
    assert PresidencyTerm.objects.count() == 1


def test_shorten_and_extend_a_term_with_a_recorded_reason(alice_client, alice, ecuador_term):
    url = reverse("governance:term-change-end", args=[ecuador_term.pk])
    response = alice_client.post(url, {"end_on": "2025-09-08", "reason": "Summit moved earlier"})
    assert response.status_code == 302
    response = alice_client.post(url, {"end_on": "2025-10-31", "reason": "Summit postponed"})
    assert response.status_code == 302
    ecuador_term.refresh_from_db()
    assert ecuador_term.last_day == D(2025, 10, 31)
    changes = [
        (change.kind, change.old_last_day, change.new_last_day, change.reason)
        for change in ecuador_term.changes.all()
    ]
    assert changes == [
        ("shortened", D(2025, 12, 11), D(2025, 9, 8), "Summit moved earlier"),
        ("extended", D(2025, 9, 8), D(2025, 10, 31), "Summit postponed"),
    ]
    assert PresidencyTermChange.objects.filter(changed_by=alice).count() == 2


def test_extending_into_the_next_term_is_refused(alice_client, ecuador_term, countries):
    services.presidency_term_add(country=countries["AR"])
    response = alice_client.post(
        reverse("governance:term-change-end", args=[ecuador_term.pk]),
        {"end_on": "2026-01-31", "reason": "too long"},
    )
    assert response.status_code == 400
    assert "overlap the term of Argentina" in response.content.decode()
    ecuador_term.refresh_from_db()
    assert ecuador_term.last_day == D(2025, 12, 11)


def test_early_handover_starts_the_next_term_and_moves_the_rotation_up(
    alice_client, ecuador_term, countries
):
    services.presidency_schedule(countries=[countries["AR"], countries["PA"]])
    response = alice_client.post(
        reverse("governance:term-handover", args=[ecuador_term.pk]),
        {"on": "2025-09-09", "reason": "Handed over at the Buenos Aires summit"},
    )
    assert response.status_code == 302
    assert _terms() == [
        ("EC", D(2024, 12, 12), D(2025, 9, 8)),
        ("AR", D(2025, 9, 9), D(2026, 9, 8)),
        ("PA", D(2026, 9, 9), D(2027, 9, 8)),
    ]
    handover = ecuador_term.changes.get()
    assert (handover.kind, handover.reason) == (
        "handover",
        "Handed over at the Buenos Aires summit",
    )
    assert PresidencyTermChange.objects.filter(kind="moved").count() == 2


def test_handover_without_a_scheduled_successor_needs_one(alice_client, ecuador_term, countries):
    url = reverse("governance:term-handover", args=[ecuador_term.pk])
    response = alice_client.post(url, {"on": "2025-09-09", "reason": "Steps down"})
    assert response.status_code == 400
    assert "choose the country that takes over" in response.content.decode()
    response = alice_client.post(
        url, {"on": "2025-09-09", "reason": "Steps down", "successor": countries["AR"].pk}
    )
    assert response.status_code == 302
    assert selectors.presidency_holder(on=D(2025, 9, 9)) == countries["AR"]


def test_handover_date_outside_the_term_is_refused(ecuador_term, countries):
    with pytest.raises(ValidationError, match="must fall after the term's first day"):
        services.presidency_handover(
            term=ecuador_term, on=D(2026, 3, 1), reason="x", by=None, successor=countries["AR"]
        )


def test_holder_is_derived_from_dates(ecuador_term, countries):
    services.presidency_term_add(country=countries["AR"])
    assert selectors.presidency_holder(on=D(2024, 12, 11)) is None
    assert selectors.presidency_holder(on=D(2024, 12, 12)) == countries["EC"]
    assert selectors.presidency_holder(on=D(2025, 12, 11)) == countries["EC"]
    assert selectors.presidency_holder(on=D(2025, 12, 12)) == countries["AR"]
    overview = selectors.presidency_overview(on=D(2025, 12, 1))
    assert overview.current.country == countries["EC"]
    assert overview.days_left == 10
    assert overview.next.country == countries["AR"]


def test_public_page_shows_holder_days_left_next_and_history(client, countries, settings):
    today = datetime.date.today()
    last = today + datetime.timedelta(days=5)
    current = services.presidency_term_add(
        country=countries["AR"],
        start_on=today - datetime.timedelta(days=30),
        end_on=end_after(last),
    )
    services.presidency_term_add(country=countries["PA"])
    services.presidency_term_add(
        country=countries["EC"], start_on=D(2024, 12, 12), end_on=current.start_on
    )
    settings.ALLIANCE_TIME_ZONE = "UTC"
    body = client.get(reverse("governance:governance")).content.decode()
    assert "<strong>Argentina</strong>" in body
    assert "5 days left" in body
    assert "Next: Panama" in body
    history = body.split("Every term, past and scheduled")[1]
    assert history.index("Ecuador") < history.index("Argentina") < history.index("Panama")


def test_pages_show_a_terms_last_day_not_the_day_after(alice_client, client, ecuador_term):
    """People read and type the last day; ``end_on`` (the first day after) stays inside."""
    last = formats.date_format(D(2025, 12, 11), "DATE_FORMAT")
    after = formats.date_format(D(2025, 12, 12), "DATE_FORMAT")
    public = client.get(reverse("governance:governance")).content.decode()
    history = public.split("Every term, past and scheduled")[1].split("</table>")[0]
    assert last in history and after not in history
    admin = alice_client.get(reverse("governance:term-list")).content.decode()
    assert last in admin
    form = alice_client.get(reverse("governance:term-change-end", args=[ecuador_term.pk]))
    assert 'value="2025-12-11"' in form.content.decode()
    # The next term would start on the day after the last day.
    assert f"The next term would start on {after}" in admin


@pytest.mark.parametrize(
    "name",
    [
        "governance:term-list",
        "governance:term-create",
        "governance:term-schedule",
    ],
)
def test_rotation_pages_are_for_the_secretariat(alice_client, bob, client, name):
    assert alice_client.get(reverse(name)).status_code == 200
    alice_client.logout()
    client_for(client, bob)
    assert client.get(reverse(name)).status_code == 403


def test_focal_point_cannot_change_a_term(bob_client, ecuador_term):
    response = bob_client.post(
        reverse("governance:term-change-end", args=[ecuador_term.pk]),
        {"end_on": "2026-06-01", "reason": "mine"},
    )
    assert response.status_code == 403
    ecuador_term.refresh_from_db()
    assert ecuador_term.last_day == D(2025, 12, 11)


def test_the_back_office_addresses_people_know_are_unchanged(alice_client, ecuador_term):
    """The URL names say what each page is (``term-…``); the addresses stay where they were."""
    pk = ecuador_term.pk
    for name, args, path in [
        ("governance:term-list", [], "/backoffice/presidency/"),
        ("governance:term-create", [], "/backoffice/presidency/new/"),
        ("governance:term-schedule", [], "/backoffice/presidency/schedule/"),
        ("governance:term-change-end", [pk], f"/backoffice/presidency/{pk}/end/"),
        ("governance:term-handover", [pk], f"/backoffice/presidency/{pk}/handover/"),
    ]:
        assert reverse(name, args=args) == path
        assert alice_client.get(path).status_code == 200
