"""One bad row never stops the sweep: rows stored before titles were checked (or around the
checks) still get their e-mails, on one line; a message that cannot be prepared at all is logged
and marked failed with the reason, and everyone else's are sent."""

import logging

from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from notifications import inbox
from notifications.models import Notification, NotificationPreference
from tests.knowledge.factories import KnowledgeProductFactory

from .test_meeting_reminders import _meeting, _run_sweep

INJECTED = "Summit \r\nBcc: everyone@example.org"


def test_a_meeting_stored_with_a_line_break_in_its_title_is_reminded_on_one_line(alice, bob):
    meeting = _meeting(alice, title="Ministers' summit")
    # Written before titles were checked (or by a bulk import): bypasses every validation.
    type(meeting).objects.filter(pk=meeting.pk).update(title=INJECTED, place="Quito\nroom 4")

    _run_sweep()

    [message] = [m for m in mail.outbox if m.to == ["bob@ecuador.test"]]
    assert message.subject == "Reminder: Summit Bcc: everyone@example.org"
    assert message.message().get_all("Bcc") is None
    [(_name, content, _mimetype)] = message.attachments
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Summit Bcc: everyone@example.org"
    assert Notification.objects.get(recipient=bob).status == Notification.Status.SENT


def test_a_meeting_that_cannot_be_prepared_does_not_stop_the_reminders_of_others(
    alice, bob, caplog
):
    good = _meeting(alice, title="Prison intelligence exchange")
    bad = _meeting(alice, title="Broken meeting", days=4)
    # A time zone that does not exist: its reminder and calendar cannot be built at all.
    type(bad).objects.filter(pk=bad.pk).update(time_zone="Mars/Olympus_Mons")

    with caplog.at_level(logging.ERROR, logger="notifications.sweep"):
        _run_sweep()

    assert [m.subject for m in mail.outbox if m.to == ["bob@ecuador.test"]] == [
        "Reminder: Prison intelligence exchange"
    ]
    sent = Notification.objects.get(recipient=bob, topic=f"meeting:{good.pk}")
    assert sent.status == Notification.Status.SENT
    failed = Notification.objects.get(recipient=bob, topic=f"meeting:{bad.pk}")
    assert failed.status == Notification.Status.FAILED
    assert "Mars/Olympus_Mons" in failed.last_error
    assert any(f"meeting:{bad.pk}" in record.getMessage() for record in caplog.records)
    # Marked once: the next sweep neither sends it nor logs it again.
    caplog.clear()
    _run_sweep()
    assert len([m for m in mail.outbox if m.to == ["bob@ecuador.test"]]) == 1
    assert not caplog.records


def test_the_secretariat_sees_the_failure_and_send_again_prepares_it_anew(alice, alice_client, bob):
    bad = _meeting(alice, title="Broken meeting")
    type(bad).objects.filter(pk=bad.pk).update(time_zone="Mars/Olympus_Mons")
    _run_sweep()
    failed = Notification.objects.get(recipient=bob, topic=f"meeting:{bad.pk}")
    queue = alice_client.get(reverse("notifications:notification-queue") + "?status=failed")
    assert "Mars/Olympus_Mons" in queue.content.decode()
    assert list(inbox.notifications_for(bob)) == []  # no empty message in his inbox

    type(bad).objects.filter(pk=bad.pk).update(time_zone="America/Bogota")  # repaired
    response = alice_client.post(reverse("notifications:notification-retry", args=[failed.pk]))
    assert response.status_code == 302
    _run_sweep()
    assert [m.subject for m in mail.outbox if m.to == ["bob@ecuador.test"]] == [
        "Reminder: Broken meeting"
    ]


def test_a_product_title_with_cr_lf_still_gets_its_publication_email(bob, carol):
    for reader in (bob, carol):
        NotificationPreference.objects.create(
            user=reader, kind="publication_digest", delivery="email"
        )
    KnowledgeProductFactory(title="Guide\r\nBcc: everyone@example.org")
    KnowledgeProductFactory(title="Toolkit on asset recovery")

    _run_sweep()

    subjects = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert subjects == [
        ("bob@ecuador.test", "New in the knowledge library: Guide Bcc: everyone@example.org"),
        ("bob@ecuador.test", "New in the knowledge library: Toolkit on asset recovery"),
        ("carol@barbados.test", "New in the knowledge library: Guide Bcc: everyone@example.org"),
        ("carol@barbados.test", "New in the knowledge library: Toolkit on asset recovery"),
    ]
    assert not Notification.objects.exclude(status=Notification.Status.SENT).exists()
