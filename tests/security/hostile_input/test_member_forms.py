"""Hostile input to the forms of the members' back office, the profile and notification settings."""

import pytest
from django.urls import reverse
from hypothesis import strategies as st

from members.models import Country, Ministry, PartnerInstitution
from notifications.models import Delivery, NotificationKind

from .checks import Form, post_hostile_input
from .strategies import choice, countries, current_version, dates, ids, name_text, text

FORMS = {
    # Back office: members
    "country-edit": Form(
        "alice",
        lambda w: reverse("members:country-edit", args=["EC"]),
        lambda w: {
            **{f"name_{lang}": name_text() for lang in ("es", "en", "pt", "fr")},
            "version": current_version(Country, w.ecuador.pk),
        },
    ),
    "country-join": Form(
        "alice",
        lambda w: reverse("members:country-join"),
        lambda w: {
            "iso_code": st.sampled_from(["EC", "XQ", "ZZ", "ec"]),
            **{f"name_{lang}": name_text() for lang in ("es", "en", "pt", "fr")},
            "joined_on": dates(),
            "note": text(),
        },
    ),
    "country-leave": Form(
        "alice",
        lambda w: reverse("members:country-leave", args=["EC"]),
        lambda w: {"left_on": dates(), "note": name_text()},
    ),
    "ministry-create": Form(
        "alice",
        lambda w: reverse("members:ministry-create"),
        lambda w: {
            "country": ids(countries()),
            "kind": choice(Ministry.Kind.values),
            "name": name_text(),
        },
    ),
    "ministry-edit": Form(
        "alice",
        lambda w: reverse("members:ministry-edit", args=[w.ministry.pk]),
        lambda w: {
            "country": ids(countries()),
            "kind": choice(Ministry.Kind.values),
            "name": name_text(),
            "version": current_version(Ministry, w.ministry.pk),
        },
    ),
    "minister-record": Form(
        "alice",
        lambda w: reverse("members:minister-record"),
        lambda w: {
            "ministry": ids(Ministry.objects.all()),
            "full_name": name_text(),
            "start_on": dates(),
        },
    ),
    "appointment-create": Form(
        "alice",
        lambda w: reverse("members:appointment-create"),
        lambda w: {
            "full_name": name_text(),
            "email": st.emails().filter(lambda e: len(e) < 200),
            "ministry": ids(Ministry.objects.all()),
            "appointed_by": ids(w.ministry.ministers.all()),
            "start_on": dates(),
            "preferred_language": choice(["es", "en", "pt", "fr"]),
        },
    ),
    "appointment-end": Form(
        "alice",
        lambda w: reverse("members:appointment-end", args=[w.appointment.pk]),
        lambda w: {"end_on": dates(), "reason": name_text()},
    ),
    "partner-create": Form(
        "alice",
        lambda w: reverse("members:partner-create"),
        lambda w: {
            "name": name_text(),
            "acronym": text(30),
            "kind": choice(PartnerInstitution.Kind.values),
            "country": ids(countries()),
            "website": st.sampled_from(["https://example.org", "", "http://[::1]"]),
            "joined_on": dates(),
            "left_on": dates(),
        },
    ),
    "partner-edit": Form(
        "alice",
        lambda w: reverse("members:partner-edit", args=[w.partner.pk]),
        lambda w: {
            "name": name_text(),
            "acronym": text(30),
            "kind": choice(PartnerInstitution.Kind.values),
            "country": ids(countries()),
            "website": st.sampled_from(["https://example.org", ""]),
            "joined_on": dates(),
            "left_on": dates(),
            "version": current_version(PartnerInstitution, w.partner.pk),
        },
    ),
    "profile": Form(
        "bob",
        lambda w: reverse("members:profile"),
        lambda w: {
            "full_name": name_text(),
            "preferred_language": choice(["es", "en", "pt", "fr"]),
            "time_zone": st.sampled_from(["America/Bogota", "UTC", "Europe/Madrid", "Etc/GMT+12"]),
        },
    ),
    "notification-settings": Form(
        "bob",
        lambda w: reverse("notifications:notification-settings"),
        lambda w: {kind: choice(Delivery.values) for kind in NotificationKind.values},
    ),
    "notification-mark-read": Form(
        "bob",
        lambda w: reverse("notifications:notification-mark-read"),
        lambda w: {"notification": st.integers(0, 100).map(str)},
    ),
}


@pytest.mark.parametrize("form_name", sorted(FORMS))
def test_every_form_answers_hostile_input_without_a_500_and_leaves_nothing_half_saved(
    client, world, form_name
):
    post_hostile_input(client, world, FORMS[form_name])
