"""Appointing a focal point while the broker is down: the appointment and its invitation are
saved (no 500), and the next sweep sends the invitation, once."""

import datetime

from django.core import mail
from django.utils import timezone

from alliance.celery import app
from members import services
from members.models import FocalPointAppointment, Invitation
from notifications.tasks import sweep_notifications
from tests.factories import MinistryFactory

from .conftest import settle, wait_for_mail


def test_an_invitation_made_with_the_broker_down_is_sent_by_the_next_sweep(real_worker, ecuador):
    ministry = MinistryFactory(country=ecuador)
    working = (app.conf.broker_url, app._pool, app.amqp._producer_pool)
    app.conf.broker_url = "redis://127.0.0.1:9/0"  # nothing listens there: the broker is down
    app._pool = app.amqp._producer_pool = None
    try:
        services.focal_point_appoint(
            email="late@ecuador.test",
            full_name="Late Invite",
            ministry=ministry,
            appointed_by=None,
            start_on=ministry.country.membership_periods.get().start_on,
            preferred_language="en",
            by=None,
        )
    finally:
        app.conf.broker_url, app._pool, app.amqp._producer_pool = working
    assert FocalPointAppointment.objects.filter(user__email="late@ecuador.test").exists()
    invitation = Invitation.objects.get(user__email="late@ecuador.test")
    assert invitation.sent_at is None and mail.outbox == []
    # A minute later the periodic sweep runs, twice (beat and a manual run): one e-mail.
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    sweep_notifications.delay()
    sweep_notifications.delay()
    wait_for_mail(1)
    settle()
    assert [m.to for m in mail.outbox] == [["late@ecuador.test"]]
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
