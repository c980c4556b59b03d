"""A real Celery worker on the configured broker (Redis in CI, the filesystem transport on the
embedded default) sends the invitation that the web process queued."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from alliance.celery import app
from members import services
from members.models import Invitation
from tests.factories import MinistryFactory


@pytest.fixture
def real_worker(django_db_serialized_rollback, transactional_db):
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.task_always_eager = True


def test_worker_sends_the_invitation_once(real_worker, ecuador):
    ministry = MinistryFactory(country=ecuador)
    services.focal_point_appoint(
        email="queued@ecuador.test",
        full_name="Queued Person",
        ministry=ministry,
        appointed_by=None,
        start_on=ministry.country.membership_periods.get().start_on,
        preferred_language="en",
        by=None,
    )
    deadline = time.monotonic() + 20
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [m.to for m in mail.outbox] == [["queued@ecuador.test"]]
    invitation = Invitation.objects.get(user__email="queued@ecuador.test")
    assert invitation.sent_at is not None

    # Running the task a second time sends nothing more.
    services.invitation_send(invitation_id=invitation.pk)
    assert len(mail.outbox) == 1
