"""Browser journeys: Playwright drives Debian's Chromium against pytest-django's live server.

Skipped, with the reason printed, where Chromium or Playwright is missing (an error instead when
ALLIANCE_BROWSER_TESTS=required, as in CI). Screenshots of every
checked page go to var/test-artifacts/browser/<test>/ (git-ignored).
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import clear_caches, open_cycle
from tests.factories import approved_plan

CHROMIUM = os.environ.get("ALLIANCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTEFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts" / "browser"
HERE = Path(__file__).parent


def _missing() -> str | None:
    if not os.access(CHROMIUM, os.X_OK):
        return (
            f"browser tests skipped: Chromium is not installed at {CHROMIUM} "
            "(apt-get install chromium, or set ALLIANCE_CHROMIUM)"
        )
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError:
        return "browser tests skipped: playwright or axe-playwright-python is not installed"
    return None


def pytest_report_header(config):
    reason = _missing()
    return reason or f"browser tests: Chromium at {CHROMIUM}"


def pytest_collection_modifyitems(config, items):
    reason = _missing()
    mine = [item for item in items if HERE in Path(item.path).parents]
    if reason and mine and os.environ.get("ALLIANCE_BROWSER_TESTS") == "required":
        raise pytest.UsageError(reason.replace("skipped", "required (CI)"))
    for item in mine:
        item.add_marker(pytest.mark.browser)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture(scope="package")
def browser(django_db_setup):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread. The ORM calls the
    # tests make themselves (set-up, assertions) are synchronous and safe, so Django is told so.
    # While a loop runs, Django's per-thread connections live in another (context-local)
    # storage: the new connection objects get the serialised migration data that a
    # transactional test restores (countries, working groups).
    serialized = {
        c.alias: c._test_serialized_contents
        for c in connections.all()
        if hasattr(c, "_test_serialized_contents")
    }
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _live(django_db_serialized_rollback, live_server):
    """Every journey runs against the live server, on a transactional database whose migration
    data (countries, working groups) is restored for each test."""
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def artefacts(request):
    folder = ARTEFACTS / request.node.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def person(request, browser, live_server, artefacts):
    """``person("role", locale="en-GB", width=1280)``: a fresh browser context (no cookies)
    for one role. At the end, every page any of them saw must have been checked."""
    from .support import Person

    people = []

    def make(role: str, *, locale: str = "en-GB", width: int = 1280) -> Person:
        context = browser.new_context(
            # What a person's Chromium sends: a headless one says "HeadlessChrome", a known bot
            # whose downloads the library does not count.
            user_agent=(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                f"Chrome/{browser.version} Safari/537.36"
            ),
            locale=locale,
            timezone_id="America/Panama",
            accept_downloads=True,
            viewport={"width": width, "height": 900},
        )
        someone = Person(context, role=role, live_url=live_server.url, artefacts=artefacts)
        people.append(someone)
        return someone

    yield make
    failed = getattr(request.node, "browser_failed", False)
    missed = []
    for someone in people:
        if failed:
            someone.page.screenshot(path=artefacts / f"failure-{someone.role}.png", full_page=True)
        missed += [f"{someone.role}: {url}" for url in someone.finish()]
        notes = "\n".join(dict.fromkeys(someone.moderate))
        if notes:
            (artefacts / f"axe-moderate-{someone.role}.txt").write_text(notes + "\n")
        someone.context.close()
    if not failed:
        assert not missed, "pages seen but never checked with axe-core:\n" + "\n".join(missed)


# --- The journeys' own set-up: a reporting cycle on working group 1 ---------------------------


@pytest.fixture
def reporting_cycle(alice, group1):
    """An open cycle on group 1, whose approved work plan has one activity."""
    approved_plan(group1, activities=1)
    return open_cycle(groups=[group1], by=alice, name="2026 first half")


@pytest.fixture
def ecuador_report(reporting_cycle, ecuador):
    return reporting_cycle.reports.get(country=ecuador)
