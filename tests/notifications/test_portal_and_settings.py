"""Notifications in the portal, the person's settings, and the one-click unsubscribe."""

import pytest
from django.urls import reverse

from notifications import channels, mail
from notifications.models import Notification, NotificationKind, NotificationPreference
from tests.conftest import client_for


@pytest.fixture
def bobs_notification(bob):
    return Notification.objects.create(
        recipient=bob,
        kind="meeting_reminder",
        topic="meeting:1",
        key="meeting:1@0:7d",
        subject="Reminder: summit",
        body="The summit is coming.",
        url="/governance/",
        status=Notification.Status.SENT,
    )


def test_unread_count_in_the_header_and_mark_as_read(bob_client, bobs_notification):
    page = bob_client.get(reverse("members:dashboard")).content.decode()
    assert '<span class="badge">1<span class="visually-hidden"> unread</span></span>' in page
    listing = bob_client.get(reverse("notifications:notification-list")).content.decode()
    assert "Reminder: summit" in listing
    response = bob_client.post(
        reverse("notifications:notification-mark-read"), {"notification": bobs_notification.pk}
    )
    assert response.status_code == 302
    bobs_notification.refresh_from_db()
    assert bobs_notification.read_at is not None
    assert 'class="badge"' not in bob_client.get(reverse("members:dashboard")).content.decode()


def test_the_unread_count_counts_only_what_the_inbox_shows(bob_client, bob, bobs_notification):
    """A message that could not be prepared (the secretariat sees it) and a superseded one are
    not in Bob's inbox, so the header does not count them either."""
    for key, status in (("meeting:1@0:1d", "failed"), ("meeting:1@9:7d", "superseded")):
        Notification.objects.create(
            recipient=bob,
            kind="meeting_reminder",
            topic="meeting:1",
            key=key,
            subject="Meeting reminders",
            body="" if status == "failed" else "Moved.",
            status=status,
        )
    page = bob_client.get(reverse("members:dashboard")).content.decode()
    assert '<span class="badge">1<span class="visually-hidden"> unread</span></span>' in page


def test_nobody_reads_or_marks_someone_elses_notifications(client, bob, carol, bobs_notification):
    client_for(client, carol)
    assert (
        "Reminder: summit"
        not in client.get(reverse("notifications:notification-list")).content.decode()
    )
    response = client.post(
        reverse("notifications:notification-mark-read"), {"notification": bobs_notification.pk}
    )
    assert response.status_code == 302  # back to her own list, nothing marked
    bobs_notification.refresh_from_db()
    assert bobs_notification.read_at is None
    # The same request from Bob marks it read: Carol's was refused, not lost.
    client_for(client, bob)
    client.post(
        reverse("notifications:notification-mark-read"), {"notification": bobs_notification.pk}
    )
    bobs_notification.refresh_from_db()
    assert bobs_notification.read_at is not None


def test_settings_are_saved_per_kind_and_bad_values_refused(bob_client, bob):
    url = reverse("notifications:notification-settings")
    data = dict.fromkeys(NotificationKind.values, "email")
    response = bob_client.post(url, {**data, "meeting_reminder": "weekly"})
    assert response.status_code == 302
    assert channels.preferences_for(bob)["meeting_reminder"] == "weekly"
    response = bob_client.post(url, {**data, "meeting_reminder": "carrier-pigeon"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert channels.preferences_for(bob)["meeting_reminder"] == "weekly"


def test_notification_pages_need_a_login(client, db):
    for name in ("notifications:notification-list", "notifications:notification-settings"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_one_click_unsubscribe_without_login(client, bob):
    token = mail.unsubscribe_token(bob, "meeting_reminder")
    url = reverse("notifications:unsubscribe", args=[token])
    page = client.get(url)
    assert page.status_code == 200
    assert "Meeting reminders" in page.content.decode()
    assert not NotificationPreference.objects.exists()  # GET changes nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert (
        NotificationPreference.objects.get(user=bob, kind="meeting_reminder").delivery == "portal"
    )


def test_tampered_unsubscribe_token_is_refused(client, bob):
    token = mail.unsubscribe_token(bob, "meeting_reminder")
    assert (
        client.post(reverse("notifications:unsubscribe", args=[token[:-2] + "xx"])).status_code
        == 404
    )
