"""Production settings and the docker-compose deployment, checked without a Docker engine."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from alliance.settings.base import PRODUCTION_REQUIRED_ENV

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "alliance.settings.production",
    "SECRET_KEY": "k3Y-" + "".join(chr(65 + (i * 7) % 57) for i in range(60)),
    "DATABASE_URL": "postgres://alliance:pw@db.example.org:5432/alliance",
    "REDIS_URL": "redis://redis.example.org:6379/0",
    "ALLOWED_HOSTS": "portal.example.org",
    "EMAIL_URL": "smtp+tls://user:pw@smtp.example.org:587",
    "AWS_STORAGE_BUCKET_NAME": "alliance",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_check_deploy_is_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_refuses_to_relax_the_second_factor():
    result = _manage(
        "check", env={**PRODUCTION_ENV, "ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT": "false"}
    )
    assert result.returncode != 0
    assert "second factor" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = _manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_describes_every_service(compose):
    assert set(compose["services"]) == {"web", "worker", "beat", "db", "redis", "objectstore"}
    for name, service in compose["services"].items():
        assert "healthcheck" in service, f"{name} has no health check"
        assert service["healthcheck"]["test"], name


def test_compose_commands(compose):
    services = compose["services"]
    assert services["web"]["command"][0] == "gunicorn"
    assert "alliance.wsgi:application" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "alliance", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "alliance", "beat"]
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])


def test_compose_passes_every_required_variable_to_web_worker_and_beat(compose):
    required = set(PRODUCTION_REQUIRED_ENV) | {"DJANGO_SETTINGS_MODULE"}
    for name in ("web", "worker", "beat"):
        environment = compose["services"][name]["environment"]
        assert required <= set(environment), f"{name} lacks {required - set(environment)}"
        assert environment["DJANGO_SETTINGS_MODULE"] == "alliance.settings.production"
    for name in ("web", "worker", "beat"):
        depends = compose["services"][name]["depends_on"]
        assert {"db", "redis", "objectstore"} <= set(depends)


def test_env_example_names_every_variable_compose_requires(compose):
    example = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    text = (ROOT / "docker-compose.yml").read_text()
    required_in_compose = set(re.findall(r"\$\{(\w+):\?", text))
    assert required_in_compose <= example


# Which apps and URLs a settings module has, as seen by ``manage.py`` in a fresh process.
APPS_AND_CEILING = (
    "from django.apps import apps; from django.urls import resolve, Resolver404\n"
    "try:\n    resolve('/bench/ceiling'); ceiling = True\n"
    "except Resolver404:\n    ceiling = False\n"
    "print(apps.is_installed('bench'), ceiling)"
)


def test_production_has_no_benchmark_tooling():
    shell = _manage("shell", "--no-imports", "-c", APPS_AND_CEILING, env=PRODUCTION_ENV)
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout.split() == ["False", "False"]
    for command in ("seed_scale", "bench_probe"):
        result = _manage(command, "--help", env=PRODUCTION_ENV)
        assert result.returncode != 0
        assert f"Unknown command: '{command}'" in result.stderr


def test_the_benchmark_settings_add_the_benchmark_tooling_to_production():
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "alliance.settings.bench"}
    shell = _manage("shell", "--no-imports", "-c", APPS_AND_CEILING, env=env)
    assert shell.returncode == 0, shell.stderr
    assert shell.stdout.split() == ["True", "True"]
    assert _manage("seed_scale", "--help", env=env).returncode == 0


def test_the_image_leaves_the_benchmark_out():
    copied = [
        line.split()[1]
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if line.startswith("COPY ")
    ]
    assert "members" in copied and "knowledge" in copied
    assert "bench" not in copied


def test_demo_data_is_refused_in_production():
    result = _manage("load_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "only with the local or test settings" in result.stderr


def test_no_model_change_lacks_its_migration():
    result = _manage("makemigrations", "--check", "--dry-run", env={})
    assert result.returncode == 0, result.stdout + result.stderr
