"""Meeting reminders: sent once, on time, in each reader's time zone."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from alliance.celery import app
from governance import services as governance_services
from governance.models import Meeting, MeetingResponse
from members.models import Country
from notifications import delivery, sweep
from notifications.models import Delivery, Notification, NotificationPreference
from notifications.tasks import deliver_notification, sweep_notifications
from working_groups.models import WorkingGroup

from .conftest import settle, wait_for_mail

BOGOTA = zoneinfo.ZoneInfo("America/Bogota")


def _meeting(alice, *, days=3, **fields):
    start = datetime.datetime.now(BOGOTA).replace(microsecond=0, second=0, minute=0)
    start += datetime.timedelta(days=days)
    values = {
        "organiser": alice,
        "body": "ministers",
        "title": "Ministers' summit",
        "start_at": start,
        "end_at": start + datetime.timedelta(hours=2),
        "time_zone": "America/Bogota",
        "place": "Bogotá",
        "online_url": "https://meet.example.org/summit",
    }
    values.update(fields)
    return governance_services.meeting_create(**values)


def _run_sweep():
    for notification_id in sweep.sweep():
        deliver_notification.apply(args=[notification_id])


def test_reminder_arrives_once_although_the_sweep_ran_three_times_and_the_task_twice(
    real_worker, alice, bob
):
    _meeting(alice)
    for _ in range(3):
        sweep_notifications.delay()
    wait_for_mail(1)
    notification = Notification.objects.get(recipient=bob)
    deliver_notification.delay(notification.pk)  # delivered again by a confused broker
    deliver_notification.delay(notification.pk)
    settle()
    assert [m.to for m in mail.outbox] == [["bob@ecuador.test"]]
    assert Notification.objects.get(recipient=bob).status == Notification.Status.SENT


def test_reminder_skips_a_declined_invitee_and_an_ended_appointment(alice, bob, carol, dave):
    meeting = _meeting(alice)
    MeetingResponse.objects.create(meeting=meeting, user=carol, answer="not_attending")
    _run_sweep()
    assert sorted(m.to[0] for m in mail.outbox) == ["bob@ecuador.test"]


def test_reminder_content_what_when_where_what_to_do_and_ics(alice, bob):
    bob.preferred_language = "en"
    bob.save(update_fields=["preferred_language"])
    meeting = _meeting(alice, title="Prison intelligence exchange")
    _run_sweep()
    [message] = mail.outbox
    assert message.subject == "Reminder: Prison intelligence exchange"
    assert "Bogotá" in message.body and "https://meet.example.org/summit" in message.body
    assert "What to do" in message.body
    assert reverse("governance:meeting-detail", args=[meeting.pk]) in message.body
    assert "unsubscribe" in message.extra_headers["List-Unsubscribe"]
    html = message.alternatives[0][0]
    assert "<html" in html and "Prison intelligence exchange" in html
    [(name, content, mimetype)] = message.attachments
    assert mimetype.startswith("text/calendar")
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == meeting.start_at


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("America/Bogota", "10:00 – 12:00 (America/Bogota)"),
        ("America/Port_of_Spain", "11:00 – 13:00 (America/Port_of_Spain)"),
        ("Europe/Madrid", "16:00 – 18:00 (Europe/Madrid)"),
    ],
)
def test_times_are_right_in_each_recipients_time_zone(alice, bob, zone, expected):
    bob.time_zone = zone
    bob.save(update_fields=["time_zone"])
    start = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=BOGOTA)  # 1 December: no DST anywhere
    meeting = _meeting(alice, start_at=start, end_at=start + datetime.timedelta(hours=2))
    now = start - datetime.timedelta(days=2)
    candidates = [c for c in notifications_due(now) if c.recipient == bob]
    sweep.notifications_record(candidates)
    body = Notification.objects.get(recipient=bob).body
    assert expected in body
    if zone != "America/Bogota":
        assert "10:00 – 12:00 (America/Bogota)" in body  # and the organiser's time
    assert meeting.title in body


def notifications_due(now):
    from governance.reminders import due

    return due(now)


def test_each_stage_is_sent_once_and_in_order(alice, bob):
    start = datetime.datetime(2026, 12, 20, 10, 0, tzinfo=BOGOTA)
    _meeting(alice, start_at=start, end_at=start + datetime.timedelta(hours=1))
    keys = []
    for days_before in (9, 6.5, 5, 0.5, 0.2):
        now = start - datetime.timedelta(days=days_before)
        sweep.notifications_record([c for c in notifications_due(now) if c.recipient == bob])
        keys = list(Notification.objects.filter(recipient=bob).values_list("key", flat=True))
    assert sorted(k.rsplit(":", 1)[1] for k in keys) == ["1d", "7d"]


def test_a_new_time_sends_an_update_to_those_reminded_and_drops_the_old_stage(alice, bob):
    bob.preferred_language = "en"
    bob.save(update_fields=["preferred_language"])
    meeting = _meeting(alice, days=3)
    _run_sweep()
    assert len(mail.outbox) == 1
    governance_services.meeting_update(
        meeting=meeting,
        version=meeting.version,
        start_at=meeting.start_at + datetime.timedelta(days=1),
        end_at=meeting.end_at + datetime.timedelta(days=1),
    )
    _run_sweep()
    subjects = [m.subject for m in mail.outbox]
    assert subjects[1] == "New time: Ministers' summit"
    # A third sweep sends nothing more.
    _run_sweep()
    assert len(mail.outbox) == len(subjects)


def test_rescheduled_meetings_unsent_reminders_are_superseded(alice, bob):
    meeting = _meeting(alice, days=3)
    sweep.notifications_record(notifications_due(datetime.datetime.now(BOGOTA)))
    pending = Notification.objects.get(recipient=bob)
    governance_services.meeting_update(
        meeting=meeting,
        version=meeting.version,
        start_at=meeting.start_at + datetime.timedelta(hours=5),
        end_at=meeting.end_at + datetime.timedelta(hours=5),
    )
    _run_sweep()
    pending.refresh_from_db()
    assert pending.status == Notification.Status.SUPERSEDED
    # The old stage never fires for the old time; the new time's reminder went out.
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(recipient=bob, status="sent").count() == 1


def test_cancellation_reaches_those_already_reminded(alice, bob):
    bob.preferred_language = "en"
    bob.save(update_fields=["preferred_language"])
    meeting = _meeting(alice)
    _run_sweep()
    governance_services.meeting_update(
        meeting=meeting, version=meeting.version, status=Meeting.Status.CANCELLED
    )
    _run_sweep()
    assert mail.outbox[-1].subject == "Cancelled: Ministers' summit"


def test_portal_only_and_off_preferences(alice, bob, carol):
    NotificationPreference.objects.create(user=bob, kind="meeting_reminder", delivery="portal")
    NotificationPreference.objects.create(user=carol, kind="meeting_reminder", delivery="off")
    _meeting(alice)
    _run_sweep()
    assert mail.outbox == []
    assert Notification.objects.get(recipient=bob).status == Notification.Status.PORTAL
    assert not Notification.objects.filter(recipient=carol).exists()


def test_saving_a_meeting_succeeds_with_the_broker_down_and_the_next_sweep_catches_up(
    real_worker, alice, bob, settings
):
    meeting = _meeting(alice, days=10)  # not due yet
    working = (app.conf.broker_url, app._pool, app.amqp._producer_pool)
    app.conf.broker_url = "redis://127.0.0.1:9/0"  # nothing listens there: the broker is down
    app._pool = app.amqp._producer_pool = None
    try:
        governance_services.meeting_update(
            meeting=meeting,
            version=meeting.version,
            start_at=meeting.start_at - datetime.timedelta(days=8),
            end_at=meeting.end_at - datetime.timedelta(days=8),
        )
    finally:
        app.conf.broker_url, app._pool, app.amqp._producer_pool = working
    meeting.refresh_from_db()
    assert meeting.version == 2  # saved although nothing could be queued
    assert mail.outbox == []
    sweep_notifications.delay()  # the broker is back; the periodic sweep runs
    wait_for_mail(1)
    assert [m.to for m in mail.outbox] == [["bob@ecuador.test"]]


def test_failed_sends_are_listed_for_the_secretariat_and_can_be_retried(alice_client, alice, bob):
    _meeting(alice)
    sweep.notifications_record(notifications_due(datetime.datetime.now(BOGOTA)))
    failed = Notification.objects.get(recipient=bob)
    delivery.notification_give_up(notification_id=failed.pk, error="SMTP 550 mailbox full")
    page = alice_client.get(reverse("notifications:notification-queue"), {"status": "failed"})
    assert "SMTP 550 mailbox full" in page.content.decode()
    response = alice_client.post(reverse("notifications:notification-retry", args=[failed.pk]))
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == Notification.Status.SENT
    assert len(mail.outbox) == 1


def test_queue_page_is_for_the_secretariat(bob_client):
    assert bob_client.get(reverse("notifications:notification-queue")).status_code == 403


def _due_meetings(alice, start, first, count):
    Meeting.objects.bulk_create(
        Meeting(
            organiser=alice,
            body="ministers",
            title=f"M{i}",
            start_at=start,
            end_at=start + datetime.timedelta(hours=1),
            time_zone="America/Bogota",
            place="x",
            uid=f"u{i}",
        )
        for i in range(first, first + count)
    )


def _sweep_queries():
    with CaptureQueriesContext(connection) as queries:
        ids = sweep.sweep()
    selects = [q for q in queries.captured_queries if not q["sql"].startswith("INSERT")]
    return ids, selects, queries.captured_queries


def test_sweep_query_count_does_not_grow_with_due_items(alice, bob):
    start = datetime.datetime.now(BOGOTA) + datetime.timedelta(days=3)
    _due_meetings(alice, start, 0, 10)
    ids, small, small_all = _sweep_queries()
    assert len(ids) == 10
    _due_meetings(alice, start, 10, 1000)
    ids, large, large_all = _sweep_queries()
    assert len(ids) == 1000
    # The same number at 10 and at 1,000 due items (SQLite alone splits the one INSERT).
    assert len(large) == len(small), [q["sql"][:80] for q in large]
    if connection.vendor == "postgresql":
        assert len(large_all) == len(small_all)


def test_extra_invitee_without_appointment_is_reminded(alice, eve):
    group = WorkingGroup.objects.get(number=1)
    _meeting(alice, body="working_group", group=group, extra_invitees=[eve])
    _run_sweep()
    assert "eve@example.org" in [m.to[0] for m in mail.outbox]


def test_presidency_handover_reminder(alice, bob, carol):
    today = datetime.date.today()
    ecuador = Country.objects.get(iso_code="EC")
    barbados = Country.objects.get(iso_code="BB")
    governance_services.presidency_term_add(
        country=ecuador,
        start_on=today - datetime.timedelta(days=300),
        end_on=today + datetime.timedelta(days=10),  # Ecuador's last day is in 9 days
    )
    governance_services.presidency_term_add(country=barbados)
    _run_sweep()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["alice@iadb.test", "bob@ecuador.test", "carol@barbados.test"]
    assert "Barbados" in mail.outbox[0].subject


def test_minutes_reminder_goes_to_the_organiser(alice, bob):
    alice.preferred_language = "es"
    alice.save(update_fields=["preferred_language"])
    start = datetime.datetime.now(BOGOTA) - datetime.timedelta(days=4)
    _meeting(
        alice,
        start_at=start,
        end_at=start + datetime.timedelta(hours=1),
        status=Meeting.Status.HELD,
    )
    _run_sweep()
    assert [(m.to[0], m.subject) for m in mail.outbox] == [
        ("alice@iadb.test", "Acta por cargar: Ministers' summit")  # in Alice's language
    ]


def test_digest_collects_messages_in_one_email(alice, bob):
    bob.preferred_language = "es"
    bob.save(update_fields=["preferred_language"])
    NotificationPreference.objects.create(user=bob, kind="meeting_reminder", delivery="daily")
    _meeting(alice, title="First")
    _meeting(alice, title="Second", days=2)
    _run_sweep()
    assert mail.outbox == []
    from notifications.tasks import send_digests

    send_digests.apply(args=[Delivery.DAILY])
    send_digests.apply(args=[Delivery.DAILY])  # twice: still one digest
    [digest] = mail.outbox
    assert digest.subject == "Su resumen diario del Portal de la Alianza"  # Bob reads Spanish
    assert "First" in digest.body and "Second" in digest.body
    assert len(digest.attachments) == 2
