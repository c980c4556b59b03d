"""A line break in a title is how a header is injected: titles, names and every other one-line
field refuse control characters, on the form and in the services; what is already stored is
put on one line wherever it becomes an e-mail header or a calendar line."""

import datetime

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from icalendar import Calendar

from core.text import LineField, one_line, plain_text, single_line
from governance import forms as governance_forms
from governance import services as governance_services
from governance.models import Meeting
from knowledge import forms as knowledge_forms
from knowledge.models import KnowledgeProduct
from members import forms as member_forms
from working_groups import forms as working_group_forms
from working_groups.models import WorkingGroup

INJECTED = "Summit \r\nBcc: everyone@example.org"
REFUSAL = "Write this on one line, without line breaks, tabs or other control characters."
OUR_APPS = ("members", "notifications", "governance", "knowledge", "working_groups")


def _meeting_form(**extra):
    return {
        "body": "ministers",
        "title": "Ministers' summit",
        "start_at": "2027-01-10T10:00",
        "end_at": "2027-01-10T12:00",
        "time_zone": "America/Bogota",
        "place": "Bogotá",
        "status": "planned",
        "visibility": "members",
        **extra,
    }


def test_a_meeting_title_with_a_line_break_is_refused_with_a_clear_message(alice_client):
    response = alice_client.post(
        reverse("governance:meeting-create"), _meeting_form(title=INJECTED)
    )
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("value", ["Bogotá\nBcc: x", "Bogotá\tcentre", "Bogotá\x1b[2J", "A\u2028B"])
def test_a_meeting_place_with_a_control_character_is_refused(alice_client, value):
    response = alice_client.post(reverse("governance:meeting-create"), _meeting_form(place=value))
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_trailing_line_break_is_only_trimmed(alice_client):
    response = alice_client.post(
        reverse("governance:meeting-create"), _meeting_form(title="Ministers' summit\r\n")
    )
    assert response.status_code == 302
    assert Meeting.objects.get().title == "Ministers' summit"


def test_a_product_title_with_a_line_break_is_refused_with_a_clear_message(bob_client):
    data = {
        "title": "Guía\r\nBcc: everyone@example.org",
        "product_type": "guide",
        "summary": "Several lines\nare fine\nin a summary.",
        "body": "",
        "language": "es",
        "pillars": [WorkingGroup.objects.get(number=1).pk],
        "is_regional": "on",
        "topics_text": "youth",
    }
    response = bob_client.post(reverse("knowledge:product-create"), data)
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert not KnowledgeProduct.objects.exists()


def test_the_services_refuse_a_title_with_a_line_break(alice):
    start = datetime.datetime(2027, 1, 10, 15, 0, tzinfo=datetime.UTC)
    with pytest.raises(ValidationError) as refused:
        governance_services.meeting_create(
            organiser=alice,
            body="ministers",
            title=INJECTED,
            start_at=start,
            end_at=start + datetime.timedelta(hours=2),
            time_zone="America/Bogota",
            place="Bogotá",
        )
    assert "title" in refused.value.message_dict
    assert not Meeting.objects.exists()


def test_every_one_line_model_field_refuses_control_characters():
    """Every CharField of our models (titles, names, places, reasons...) but those with fixed
    choices or a format of their own (a time zone, an ISO code), and the password hash."""
    missing = [
        f"{model._meta.label}.{field.name}"
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.get_fields()
        if type(field) is models.CharField
        and not field.choices
        and field.name != "password"
        and not [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    ]
    assert missing == []


def _form_classes():
    for module in (member_forms, governance_forms, knowledge_forms, working_group_forms):
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, forms.BaseForm)
                and f"{value.__module__}.".startswith(f"{module.__name__}.")
            ):
                yield value


def test_every_one_line_form_field_refuses_control_characters():
    """A form's text field is a ``LineField``, unless it is a text area (several lines are
    fine there) or made from a model field that refuses them."""
    missing = []
    for form_class in _form_classes():
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        for name, field in form_class.base_fields.items():
            if not isinstance(field, forms.CharField) or isinstance(field, LineField):
                continue
            if isinstance(field.widget, forms.Textarea | forms.PasswordInput):
                continue  # several lines are fine, or a password (never shown, never sent)
            if type(field) is not forms.CharField:
                continue  # a format of its own (an e-mail address, a URL, a slug)
            made_from_model = name not in form_class.declared_fields and model is not None
            if made_from_model and single_line in model._meta.get_field(name).validators:
                continue
            missing.append(f"{form_class.__name__}.{name}")
    assert missing == []


def test_the_ics_of_a_meeting_stored_with_a_line_break_answers_200_with_one_line(
    client, make_meeting
):
    meeting = make_meeting(body="ministers", group=None, visibility="public")
    # Written before the rule (or by a bulk import): bypasses every validation.
    Meeting.objects.filter(pk=meeting.pk).update(title=INJECTED, place="Bogotá\r\nroom 4")

    response = client.get(reverse("governance:meeting-ics", args=[meeting.pk]))

    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == "Summit Bcc: everyone@example.org"
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Summit Bcc: everyone@example.org"
    assert str(event["LOCATION"]) == "Bogotá room 4"
    assert b"\r\nBcc:" not in response.content
    public_feed = client.get(reverse("governance:public-feed"))
    assert public_feed.status_code == 200


def test_stored_text_is_put_on_one_line_for_headers_and_cleaned_for_descriptions():
    assert one_line("Summit \r\n\tBcc: x\x00") == "Summit Bcc: x"
    assert one_line("  plain  ") == "plain"
    assert plain_text("one\r\ntwo\rthree\u2028four\x00\x07") == "one\ntwo\nthree\nfour"
