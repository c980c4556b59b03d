"""A worker killed while it sends an e-mail loses nothing: once the claim is older than any
delivery may take (``ALLIANCE_DELIVERY_STALE_SECONDS``), the next sweep queues the message again,
a redelivered task takes it, and the secretariat may send it again. Each at most once a period."""

import datetime
import email
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from alliance.celery import app
from notifications import sweep
from notifications.models import Notification
from notifications.tasks import deliver_notification, send_digests, sweep_notifications

from .test_meeting_reminders import BOGOTA, _meeting, notifications_due

ROOT = Path(__file__).resolve().parents[2]


def _record(alice) -> Notification:
    _meeting(alice, title="Prison intelligence exchange")
    sweep.notifications_record(notifications_due(datetime.datetime.now(BOGOTA)))
    return Notification.objects.get(recipient__email="bob@ecuador.test")


def _claimed(notification: Notification, *, seconds_ago: float, attempts: int = 1) -> None:
    """As a worker leaves the row when it is killed mid-send."""
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.Status.SENDING,
        attempts=attempts,
        claimed_at=timezone.now() - datetime.timedelta(seconds=seconds_ago),
    )


def test_a_fresh_claim_is_left_alone_and_a_stale_one_is_taken_once(alice, bob, settings):
    settings.ALLIANCE_DELIVERY_STALE_SECONDS = 60
    notification = _record(alice)
    _claimed(notification, seconds_ago=10)  # another worker is sending it right now
    assert notification.pk not in sweep.sweep()
    assert deliver_notification.apply(args=[notification.pk]).get() is False
    assert mail.outbox == []

    _claimed(notification, seconds_ago=61)  # its worker was killed a minute ago
    assert notification.pk in sweep.sweep()
    assert deliver_notification.apply(args=[notification.pk]).get() is True
    assert deliver_notification.apply(args=[notification.pk]).get() is False  # redelivered
    assert [m.to for m in mail.outbox] == [["bob@ecuador.test"]]
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Notification.Status.SENT, 2)


def test_the_secretariat_may_send_again_a_message_lost_with_its_worker(
    alice, alice_client, bob, settings
):
    settings.ALLIANCE_DELIVERY_STALE_SECONDS = 60
    notification = _record(alice)
    retry = reverse("notifications:notification-retry", args=[notification.pk])
    _claimed(notification, seconds_ago=10)
    assert alice_client.post(retry).status_code == 404  # still being sent: not twice
    _claimed(notification, seconds_ago=61)
    page = alice_client.get(reverse("notifications:notification-queue"), {"status": "sending"})
    assert retry in page.content.decode()
    assert alice_client.post(retry).status_code == 302
    assert [m.to for m in mail.outbox] == [["bob@ecuador.test"]]


def test_a_message_whose_worker_keeps_dying_is_given_up(alice, bob, settings):
    settings.ALLIANCE_DELIVERY_STALE_SECONDS = 60
    notification = _record(alice)
    _claimed(notification, seconds_ago=61, attempts=sweep.MAX_CLAIMS)
    assert notification.pk not in sweep.sweep()
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert "given up" in notification.last_error


def test_a_digest_lost_with_its_worker_goes_back_to_the_digest(alice, bob, settings):
    settings.ALLIANCE_DELIVERY_STALE_SECONDS = 60
    bob.notification_preferences.create(kind="meeting_reminder", delivery="daily")
    notification = _record(alice)
    _claimed(notification, seconds_ago=61)
    sweep.sweep()
    send_digests.apply(args=["daily"])
    [digest] = mail.outbox
    assert "Prison intelligence exchange" in digest.body


# --- A real worker, really killed ---------------------------------------------------------


class FakeSmtpServer:
    """A mail server on loopback. While ``hanging`` it accepts connections and never answers
    (a server that has stopped responding); otherwise it speaks just enough SMTP and keeps every
    message it receives."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.hanging = True
        self.connected = threading.Event()
        self.messages: list[bytes] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(5)
        self.listener.close()

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _address = self.listener.accept()
            except TimeoutError:
                continue
            handler = self._hang if self.hanging else self._answer
            threading.Thread(target=handler, args=(conn,), daemon=True).start()

    def _hang(self, conn: socket.socket) -> None:
        self.connected.set()
        conn.settimeout(0.2)
        with conn:
            while not self.stopped.is_set():
                try:
                    if not conn.recv(1024):
                        return  # the client is gone (killed)
                except TimeoutError:
                    continue

    def _answer(self, conn: socket.socket) -> None:
        with conn, conn.makefile("rb") as lines:
            conn.sendall(b"220 fake.test ESMTP\r\n")
            for line in lines:
                command = line[:4].upper()
                if command in (b"EHLO", b"HELO"):
                    conn.sendall(b"250 fake.test\r\n")
                elif command == b"DATA":
                    conn.sendall(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    data = b"".join(iter(lines.readline, b".\r\n"))
                    self.messages.append(data)
                    conn.sendall(b"250 OK queued\r\n")
                elif command == b"QUIT":
                    conn.sendall(b"221 Bye\r\n")
                    return
                else:
                    conn.sendall(b"250 OK\r\n")


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Worker:
    """``celery -A alliance worker`` as `make run` starts it (the embedded default's settings,
    configured by the environment): on this test's database and broker, sending through the
    fake server."""

    def __init__(self, name: str, tmp_path: Path, smtp_port: int):
        options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        # On the embedded default the broker is a folder: the worker's var/ must hold the same.
        var_dir = Path(options["data_folder_in"]).parents[1] if options else tmp_path / "var"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "alliance.settings.local",
            "DATABASE_URL": _database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "ALLIANCE_VAR_DIR": str(var_dir),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "ALLIANCE_DELIVERY_STALE_SECONDS": str(settings.ALLIANCE_DELIVERY_STALE_SECONDS),
        }
        self.log = tmp_path / f"{name}.log"
        command = [sys.executable, "-m", "celery", "-A", "alliance", "worker", "--pool=solo"]
        command += ["--without-mingle", "--without-gossip", "--without-heartbeat"]
        command += ["--loglevel=INFO", "-n", f"{name}@%h"]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def _wait_until(condition, what: str, workers: list[Worker], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {w.log.name}\n{w.tail()}" for w in workers)
            raise AssertionError(f"{what} did not happen in {seconds} s\n{logs}")
        time.sleep(0.2)


def _forget_unacknowledged_messages() -> None:
    """On Redis the killed worker's message waits, unacknowledged, to be redelivered in an hour
    (kombu's visibility timeout): remove it, so no later test run receives it."""
    if settings.CELERY_BROKER_URL.startswith("redis"):
        import redis

        redis.Redis.from_url(settings.CELERY_BROKER_URL).delete("unacked", "unacked_index")


@pytest.fixture
def smtp_server():
    server = FakeSmtpServer()
    yield server
    server.close()


@pytest.fixture
def broker(django_db_serialized_rollback, transactional_db):
    """Tasks go to the broker, and the database is really committed (restored after)."""
    app.conf.task_always_eager = False
    try:
        yield
    finally:
        app.conf.task_always_eager = True
        _forget_unacknowledged_messages()


def test_a_worker_killed_mid_send_loses_nothing_and_a_fresh_worker_sends_it_once(
    broker, smtp_server, tmp_path, alice, bob, settings
):
    settings.ALLIANCE_DELIVERY_STALE_SECONDS = 2
    _meeting(alice, title="Prison intelligence exchange")
    mine = Notification.objects.filter(recipient=bob)
    first = Worker("first", tmp_path, smtp_server.port)
    workers = [first]
    try:
        sweep_notifications.delay()
        _wait_until(smtp_server.connected.is_set, "the worker connecting to SMTP", workers)
        notification = mine.get()
        assert notification.status == Notification.Status.SENDING
        first.kill()  # kill -9, while the mail server says nothing

        notification.refresh_from_db()
        assert notification.status == Notification.Status.SENDING  # left claimed
        time.sleep(settings.ALLIANCE_DELIVERY_STALE_SECONDS + 0.5)  # the claim grows stale
        smtp_server.hanging = False  # the mail server answers again
        second = Worker("second", tmp_path, smtp_server.port)
        workers.append(second)
        sweep_notifications.delay()  # the next periodic sweep
        _wait_until(lambda: smtp_server.messages, "the e-mail arriving", workers)
        # A redelivered task and one more sweep: the worker runs both, and sends nothing more.
        redelivered = deliver_notification.delay(notification.pk)
        swept = sweep_notifications.delay()
        for result in (redelivered, swept):
            _wait_until(
                lambda r=result: f"[{r.id}] succeeded" in second.log.read_text(),
                f"the worker running {result.id}",
                workers,
            )
        ran = re.search(rf"\[{redelivered.id}\] succeeded in \S+: (\w+)", second.log.read_text())
        assert ran[1] == "False"  # the redelivered task found the message sent: nothing more
    finally:
        for worker in workers:
            worker.stop()

    [raw] = smtp_server.messages
    message = email.message_from_bytes(raw)
    assert message["To"] == "bob@ecuador.test"
    assert message["Subject"] == "Reminder: Prison intelligence exchange"
    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == (Notification.Status.SENT, 2)
