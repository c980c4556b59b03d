import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from alliance.celery import app


@pytest.fixture
def real_worker(django_db_serialized_rollback, transactional_db):
    """A real Celery worker in a thread, on the configured broker (Redis in CI). The database
    is really committed (the worker has its own connection) and restored after the test."""
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.task_always_eager = True


def wait_for_mail(count: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.1)


def settle(seconds: float = 1.5) -> None:
    """Give the worker time to run anything else still queued."""
    time.sleep(seconds)
