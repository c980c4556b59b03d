"""Redis goes away: pages answer without the cache, people sign in and stay signed in, a save
happens once, /healthz names the cache, and the outage is logged once, not per request.

Each test runs with production's cache and session settings (read from
``alliance.settings.production`` in a subprocess) on a redis-server of its own, which it kills."""

import json
import logging
import socket
import subprocess
import sys
import time

import pytest
import redis
from django.test import Client
from django.urls import reverse

from knowledge.models import KnowledgeProduct
from tests.conftest import PASSWORD, client_for, totp_code
from tests.core.test_page_cache import cached_pages
from tests.knowledge.factories import KnowledgeProductFactory
from tests.knowledge.test_workspace import _form_data
from tests.test_deployment import PRODUCTION_ENV, ROOT


class RedisServer:
    """A redis-server on a free loopback port, without persistence, for one test."""

    def __init__(self, port: int | None = None):
        if port is None:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
        self.port = port
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.2)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    server = RedisServer()
    yield server
    server.stop()


def production_settings(redis_url: str) -> dict:
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'CACHES': s.CACHES, 'SESSION_ENGINE': s.SESSION_ENGINE, "
        "'CELERY_BROKER_URL': s.CELERY_BROKER_URL, "
        "'CELERY_BROKER_TRANSPORT_OPTIONS': s.CELERY_BROKER_TRANSPORT_OPTIONS}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **PRODUCTION_ENV, "REDIS_URL": redis_url},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def production_caches(redis_server, settings):
    """The caches, sessions and broker of production, on the test's own redis-server."""
    for name, value in production_settings(redis_server.url).items():
        setattr(settings, name, value)
    return redis_server


@pytest.fixture
def product_in_library(db):
    return KnowledgeProductFactory(title="Guide to community policing")


def _sign_in(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


def test_pages_and_sign_in_answer_while_redis_is_down(client, bob, carol, production_caches):
    product = KnowledgeProductFactory(title="Guide to community policing")
    visitor = Client()
    public = cached_pages(product)
    for url in public:  # with Redis up: the copies are made
        assert visitor.get(url).status_code == 200, url
    assert _sign_in(client, bob.email).status_code == 302
    signed_in = [
        reverse("members:dashboard"),
        reverse("working_groups:report-dashboard"),
        reverse("knowledge:workspace"),
        reverse("notifications:notification-list"),
        reverse("knowledge:library"),
        reverse("home"),
    ]

    production_caches.stop()

    for url in signed_in:
        assert client.get(url).status_code == 200, url
    for url in public:
        assert visitor.get(url).status_code == 200, url
    assert "Guide to community policing" in visitor.get(public[1]).content.decode()
    carol_client = Client()
    signed = _sign_in(carol_client, carol.email)
    assert signed.status_code == 302
    assert signed["Location"] == reverse("members:dashboard")
    assert carol_client.get(reverse("members:dashboard")).status_code == 200
    health = client.get(reverse("healthz"))  # with a session cookie
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["checks"]["cache"] == "failed"
    assert health.json()["checks"]["database"] == "ok"


def test_proposing_a_product_while_redis_is_down_saves_it_once(
    django_db_serialized_rollback, transactional_db, bob, production_caches
):
    """The transaction really commits, so the cache is touched after the commit, as in a request
    in production."""
    client = client_for(Client(), bob)
    production_caches.stop()

    response = client.post(reverse("knowledge:product-create"), _form_data(), follow=True)

    assert response.status_code == 200
    assert response.redirect_chain and response.redirect_chain[0][1] == 302
    product = KnowledgeProduct.objects.get()
    assert product.title in response.content.decode()
    # The library is rendered from the database: a visitor sees the published product at once.
    product.status = KnowledgeProduct.Status.PUBLISHED
    product.save()
    assert product.title in Client().get(reverse("knowledge:library")).content.decode()


def test_the_outage_is_logged_once_and_its_end_too(client, db, production_caches, caplog):
    caplog.set_level(logging.INFO, logger="alliance.cache_backend")
    assert client.get(reverse("home")).status_code == 200
    production_caches.stop()
    for _ in range(30):
        assert client.get(reverse("knowledge:library")).status_code == 200
    outage = [r for r in caplog.records if r.name == "alliance.cache_backend"]
    assert len(outage) == 1
    assert outage[0].levelno == logging.ERROR
    assert "unreachable" in outage[0].getMessage()
    assert f"127.0.0.1:{production_caches.port}" in outage[0].getMessage()


def test_pages_are_cached_again_once_redis_is_back(
    client, product_in_library, production_caches, settings, caplog, django_assert_num_queries
):
    settings.CACHES = {
        alias: {**config, "OPTIONS": {**config["OPTIONS"], "RETRY_SECONDS": 0.2}}
        for alias, config in settings.CACHES.items()
    }
    caplog.set_level(logging.INFO, logger="alliance.cache_backend")
    production_caches.stop()
    assert client.get(reverse("knowledge:library")).status_code == 200
    back = RedisServer(port=production_caches.port)
    try:
        time.sleep(0.3)  # past RETRY_SECONDS: the next call asks Redis again
        assert client.get(reverse("knowledge:library")).status_code == 200
        with django_assert_num_queries(0):
            assert client.get(reverse("knowledge:library")).status_code == 200
    finally:
        back.stop()
    messages = [r.getMessage() for r in caplog.records if r.name == "alliance.cache_backend"]
    assert len(messages) == 2
    assert "unreachable" in messages[0] and "answers again" in messages[1]


def test_clearing_the_cache_leaves_the_celery_queue_alone(db, production_caches):
    from django.core.cache import caches

    queue = redis.Redis.from_url(production_caches.url)
    queue.lpush("celery", "a queued task")
    for alias in ("default", "pages"):
        caches[alias].set("something", "kept until cleared")
        caches[alias].clear()
        assert caches[alias].get("something") is None
    assert queue.lrange("celery", 0, -1) == [b"a queued task"]


def test_staff_sign_in_with_their_code_once_while_redis_is_down(client, alice, production_caches):
    """Used codes are remembered in the process's memory meanwhile: a code is good only once."""
    production_caches.stop()
    assert _sign_in(client, alice.email)["Location"] == reverse("mfa_authenticate")
    code = totp_code(alice.totp_secret)
    signed = client.post(reverse("mfa_authenticate"), {"code": code})
    assert signed.status_code == 302
    assert client.get(reverse("members:audit-log")).status_code == 200
    again = Client()
    assert _sign_in(again, alice.email)["Location"] == reverse("mfa_authenticate")
    replayed = again.post(reverse("mfa_authenticate"), {"code": code})
    assert replayed.status_code == 200  # the form again, with its error
    assert again.get(reverse("members:audit-log")).status_code == 302


def test_login_rate_limit_still_counts_while_redis_is_down(client, bob, production_caches):
    production_caches.stop()
    for _ in range(5):
        failed = client.post(
            reverse("account_login"), {"login": bob.email, "password": "wrong guess!"}
        )
        assert "not correct" in failed.content.decode()
    locked = _sign_in(client, bob.email)
    assert "Too many failed login attempts" in locked.content.decode()
